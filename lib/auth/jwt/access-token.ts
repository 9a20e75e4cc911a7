import "server-only";
import { compactVerify, decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ACCESS_TOKEN_TYPE, jwtSettings, MAX_TOKEN_LENGTH, SIGNING_ALGORITHM } from "./config";
import type { Tx } from "@/lib/db";
import { isConfiguredKid, signingKey, UnknownKeyError, verificationKey } from "./keys";
import { labKeySignsFor } from "./lab-keys";
import type { AccessClaims, AccessSubject, RejectReason, VerifyResult } from "./claims";
import { recall, remember } from "./verified-tokens";

// Access tokens: short-lived ES256 JWS (RFC 9068 shape) that any service holding the public key
// can verify. The payload is readable by anyone, so it carries ids only, never an email or secret.

export async function issueAccessToken(
  subject: AccessSubject,
  ttlSeconds = jwtSettings().accessTtlSeconds,
  /** Another audience makes a token no API of the app accepts (the lab's XSS demo). */
  audience = jwtSettings().audience,
  /**
   * Inside a transaction, its client: the family's lab key (if the lab rotated it) is looked up
   * there. `configuredKey` signs with the configured key whatever the family (the startup check).
   */
  options: { db?: Tx; configuredKey?: boolean } = {},
): Promise<{ token: string; claims: AccessClaims }> {
  const { issuer } = jwtSettings();
  const { kid, key } = await signingKey(
    options.configuredKey ? undefined : subject.familyId,
    options.db,
  );
  const iat = Math.floor(Date.now() / 1000);
  const claims: AccessClaims = {
    sub: subject.userId,
    fam: subject.familyId,
    ver: subject.epoch,
    auth_time: Math.floor(subject.authTime.getTime() / 1000),
    jti: randomUUID(),
    iat,
    exp: iat + ttlSeconds,
  };
  const token = await new SignJWT({ fam: claims.fam, ver: claims.ver, auth_time: claims.auth_time })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp)
    .sign(key);
  return { token, claims };
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(64),
  fam: z.string().min(1).max(64),
  ver: z.number().int().nonnegative(),
  auth_time: z.number().int().nonnegative(),
  jti: z.string().min(1).max(64),
  iat: z.number().int(),
  exp: z.number().int(),
});

/** Header parameters that point at keys elsewhere: never followed, and refused outright (RFC 8725 §3.10). */
const FORBIDDEN_HEADERS = ["jku", "jwk", "x5u", "x5c"] as const;

/**
 * The stateless verifier: signature and claims only, what any downstream service with the JWKS
 * can do. Explicit algorithm allowlist, required iss/aud/typ/exp, small clock tolerance.
 */
export async function verifyAccessToken(
  token: string,
  /** Only the lab's demo endpoint asks for its own audience. */
  audience = jwtSettings().audience,
): Promise<VerifyResult> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "too_large" };
  const { accessTtlSeconds, clockToleranceSeconds } = jwtSettings();
  const maxTokenAge = accessTtlSeconds + clockToleranceSeconds;
  const memoKey = `${audience} ${token}`;
  const known = recall(memoKey, maxTokenAge, clockToleranceSeconds);
  if (known) return known;
  const { nbf, ...result } = await checkFromScratch(token, audience);
  // A lab key can be retired at any moment (its life is a database row), so only tokens signed
  // by a configured key, fixed for the process's life, are remembered.
  if (result.ok && (await isConfiguredKid(result.header.kid)))
    remember(memoKey, result.claims, nbf, result.header);
  return result;
}

/**
 * Every check of verifyAccessToken from scratch, the ES256 signature included: what it does the
 * first time it sees a token. The lab's cost probe and `npm run bench` time it on its own.
 */
export async function verifyAccessTokenFromScratch(
  token: string,
  audience = jwtSettings().audience,
): Promise<VerifyResult> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "too_large" };
  const result = await checkFromScratch(token, audience);
  delete result.nbf;
  return result;
}

async function checkFromScratch(
  token: string,
  audience: string,
): Promise<VerifyResult & { nbf?: unknown }> {
  const { issuer, accessTtlSeconds, clockToleranceSeconds } = jwtSettings();
  const maxTokenAge = accessTtlSeconds + clockToleranceSeconds;
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) return { ok: false, reason: "malformed" };
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (FORBIDDEN_HEADERS.some((name) => name in header))
    return { ok: false, reason: "forbidden_header" };

  try {
    const { payload, protectedHeader } = await jwtVerify(token, verificationKey, {
      // Also refuses an iat in the future, and a token that claims to have lived longer than we issue.
      maxTokenAge,
      algorithms: [SIGNING_ALGORITHM],
      issuer,
      audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ["sub", "jti", "iat", "exp"],
      clockTolerance: clockToleranceSeconds,
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, reason: "invalid_claims" };
    if (protectedHeader.kid && !labKeySignsFor(protectedHeader.kid, claims.data.fam))
      return { ok: false, reason: "unknown_key" };
    return { ok: true, claims: claims.data, header: protectedHeader, nbf: payload.nbf };
  } catch (error) {
    return { ok: false, reason: reasonFor(error) };
  }
}

function reasonFor(error: unknown): RejectReason {
  if (error instanceof UnknownKeyError) return "unknown_key";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm_not_allowed";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return "missing_claim";
    const byClaim: Record<string, RejectReason> = {
      iat: "invalid_claims",
      nbf: "not_yet_valid",
      iss: "wrong_issuer",
      aud: "wrong_audience",
      typ: "wrong_type",
    };
    return byClaim[error.claim] ?? "invalid_claims";
  }
  return "malformed";
}

/**
 * One of our access tokens, signature and claims checked, whatever its expiry: for signing out,
 * which must work with a token that just expired. Never use it to grant access.
 */
export async function verifyIgnoringExpiry(token: string): Promise<AccessClaims | null> {
  if (token.length > MAX_TOKEN_LENGTH || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) return null;
  const { issuer, audience } = jwtSettings();
  try {
    const { payload, protectedHeader } = await compactVerify(token, verificationKey, {
      algorithms: [SIGNING_ALGORITHM],
    });
    if (protectedHeader.typ !== ACCESS_TOKEN_TYPE) return null;
    const body = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    if (body.iss !== issuer || body.aud !== audience) return null;
    const claims = claimsSchema.safeParse(body);
    return claims.success ? claims.data : null;
  } catch {
    return null;
  }
}
