import "server-only";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { z } from "zod";
import { getEnv, isHttps } from "@/lib/env";
import { providerClient } from "./providers";

// OpenID Connect's ID token, checked in full. Auth.js (as pinned) validates its claims but not its
// signature, on the grounds that it came straight from the token endpoint over TLS. We check the
// signature too, against the provider's published keys, so a token the provider did not sign is
// refused wherever it came from: issuer, audience (our client id), expiry, and the nonce this
// browser's sign-in started with.

export type IdTokenClaims = {
  iss: string;
  aud: string;
  sub: string;
  nonce: string | null;
  iat: number;
  exp: number;
  /** When the person last really signed in at the provider, when it says. */
  authTime: number | null;
  email: string | null;
};
export type IdTokenCheck =
  | { ok: true; claims: IdTokenClaims; alg: string; kid: string | null }
  | { ok: false; reason: string };

const discovery = z.object({ issuer: z.string(), jwks_uri: z.url() });
const keySets = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();

/** The provider's key set, found through its discovery document once per process. */
export function keySetFor(issuer: string) {
  let keySet = keySets.get(issuer);
  if (!keySet) {
    keySet = (async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(5000),
        cache: "no-store",
      });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const document = discovery.parse(await response.json());
      if (document.issuer !== issuer) throw new Error("discovery names another issuer");
      return createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 30_000 });
    })();
    keySet.catch(() => keySets.delete(issuer));
    keySets.set(issuer, keySet);
  }
  return keySet;
}

/** The nonce Auth.js stored (encrypted) in this browser's cookie when the sign-in started. */
async function expectedNonce(): Promise<string | null> {
  const name = `${isHttps() ? "__Secure-" : ""}authjs.nonce`;
  const value = (await cookies()).get(name)?.value;
  if (!value) return null;
  const payload = await decode({ token: value, secret: getEnv().AUTH_SECRET, salt: name }).catch(
    () => null,
  );
  return typeof payload?.value === "string" ? payload.value : null;
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  if (error instanceof errors.JWKSNoMatchingKey) return "unknown_key";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm_not_allowed";
  if (error instanceof errors.JWTClaimValidationFailed) return `wrong_${error.claim}`;
  return "malformed";
}

export async function verifyIdToken(idToken: string, provider: "google"): Promise<IdTokenCheck> {
  const { issuer, clientId } = providerClient(provider);
  let payload: JWTPayload;
  let header: { alg: string; kid?: string };
  try {
    const keySet = await keySetFor(issuer);
    ({ payload, protectedHeader: header } = await jwtVerify(idToken, keySet, {
      issuer,
      audience: clientId,
      algorithms: ["RS256", "ES256"],
      requiredClaims: ["sub", "iat", "exp"],
      clockTolerance: getEnv().JWT_CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return { ok: false, reason: reasonFor(error) };
  }
  const nonce = typeof payload.nonce === "string" ? payload.nonce : null;
  if (nonce === null || nonce !== (await expectedNonce()))
    return { ok: false, reason: "wrong_nonce" };
  return {
    ok: true,
    alg: header.alg,
    kid: header.kid ?? null,
    claims: {
      iss: String(payload.iss),
      aud: clientId,
      sub: String(payload.sub),
      nonce,
      iat: payload.iat ?? 0,
      exp: payload.exp ?? 0,
      authTime: typeof payload.auth_time === "number" ? payload.auth_time : null,
      email: typeof payload.email === "string" ? payload.email : null,
    },
  };
}
