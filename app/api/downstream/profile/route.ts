import {
  createRemoteJWKSet,
  type CryptoKey,
  errors,
  type JWTHeaderParameters,
  type JWTPayload,
  jwtVerify,
} from "jose";
import { bearerError, takingBearer } from "@/lib/http/bearer";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { DOWNSTREAM_JWKS_CACHE_SECONDS, DOWNSTREAM_JWKS_COOLDOWN_MS } from "@/lib/downstream";
import { getEnv } from "@/lib/env";

// Plays a downstream service that shares nothing with the app but its public keys: it fetches the
// JWKS over HTTP and checks signature and claims, with no database. So a copied access token keeps
// working here after sign-out, until it expires: the honest price of stateless verification.

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

// Tokens this service verified, with the key that verified them: while the JWKS still hands out
// that very key for the token's kid (jose keeps one CryptoKey per JWK until the set is fetched
// again), the signature need not be checked again; exp and nbf are, on every request. A rotation
// that removes the key, or any refetch of the set, means a full verification. Bounded.
const VERIFIED_LIMIT = 1000;
const verified = new Map<
  string,
  { payload: JWTPayload; protectedHeader: JWTHeaderParameters; key: CryptoKey }
>();

async function verifyDownstream(token: string, appUrl: string, tolerance: number) {
  const set = (jwks ??= createRemoteJWKSet(new URL("/.well-known/jwks.json", appUrl), {
    cacheMaxAge: DOWNSTREAM_JWKS_CACHE_SECONDS * 1000,
    cooldownDuration: DOWNSTREAM_JWKS_COOLDOWN_MS,
  }));
  const known = verified.get(token);
  if (known && (await set(known.protectedHeader)) === known.key) {
    const now = Math.floor(Date.now() / 1000);
    const { exp, nbf } = known.payload;
    if (typeof nbf === "number" && nbf > now + tolerance)
      throw new errors.JWTClaimValidationFailed("nbf", known.payload, "nbf", "check_failed");
    if (typeof exp === "number" && exp > now - tolerance) return known;
    verified.delete(token);
    throw new errors.JWTExpired("exp", known.payload, "exp", "check_failed");
  }
  let key: CryptoKey | undefined;
  const result = await jwtVerify(token, async (header, input) => (key = await set(header, input)), {
    algorithms: ["ES256"],
    issuer: appUrl,
    audience: `${appUrl}/api`,
    typ: "at+jwt",
    requiredClaims: ["sub", "exp"],
    clockTolerance: tolerance,
  });
  if (key) {
    if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value as string);
    verified.set(token, { payload: result.payload, protectedHeader: result.protectedHeader, key });
  }
  return result;
}

/** Any failure to verify the token, or to read what it says, is the token's: 401. */
function rejected(error: unknown) {
  const code = error instanceof Error && "code" in error ? String(error.code) : "ERR_JWT_INVALID";
  return bearerError("invalid_token", `The downstream service rejected the token (${code}).`, {});
}

// A Bearer token only, read with GET: nothing for the Origin rule to do.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "jwt",
  origin: "none",
  methods: {
    GET: takingBearer("the access token", async (token, { timing }) => {
      const { APP_URL, JWT_CLOCK_TOLERANCE_SECONDS } = getEnv();
      return timing
        .measure("verify", () => verifyDownstream(token, APP_URL, JWT_CLOCK_TOLERANCE_SECONDS))
        .then(({ payload, protectedHeader }) =>
          json({
            service: "downstream",
            verifiedWith: "the public JWKS only: no database, no revocation list",
            subject: payload.sub,
            expiresAt: new Date((payload.exp ?? 0) * 1000).toISOString(),
            kid: protectedHeader.kid,
          }),
        )
        .catch(rejected);
    }),
  },
});
