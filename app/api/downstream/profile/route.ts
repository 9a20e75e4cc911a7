import { createRemoteJWKSet, jwtVerify } from "jose";
import { bearerToken } from "@/lib/http/bearer";
import { json, jsonError } from "@/lib/http/json";
import { methodNotAllowed, strategyRoute } from "@/lib/http/route";
import { DOWNSTREAM_JWKS_CACHE_SECONDS, DOWNSTREAM_JWKS_COOLDOWN_MS } from "@/lib/downstream";
import { getEnv } from "@/lib/env";

// Plays a downstream service that shares nothing with the app but its public keys: it fetches the
// JWKS over HTTP and checks signature and claims, with no database. So a copied access token keeps
// working here after sign-out, until it expires: the honest price of stateless verification.

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

export const GET = strategyRoute("jwt", async (request, _ctx, timing) => {
  const token = bearerToken(request.headers);
  if (!token)
    return jsonError(401, "unauthorized", "Send the access token as a Bearer token.", {
      "WWW-Authenticate": "Bearer",
    });
  const { APP_URL } = getEnv();
  jwks ??= createRemoteJWKSet(new URL("/.well-known/jwks.json", APP_URL), {
    cacheMaxAge: DOWNSTREAM_JWKS_CACHE_SECONDS * 1000,
    cooldownDuration: DOWNSTREAM_JWKS_COOLDOWN_MS,
  });
  try {
    const { payload, protectedHeader } = await timing.measure("verify", () =>
      jwtVerify(token, jwks!, {
        algorithms: ["ES256"],
        issuer: APP_URL,
        audience: `${APP_URL}/api`,
        typ: "at+jwt",
        requiredClaims: ["sub", "exp"],
        clockTolerance: getEnv().JWT_CLOCK_TOLERANCE_SECONDS,
      }),
    );
    return json({
      service: "downstream",
      verifiedWith: "the public JWKS only: no database, no revocation list",
      subject: payload.sub,
      expiresAt: new Date((payload.exp ?? 0) * 1000).toISOString(),
      kid: protectedHeader.kid,
    });
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "ERR_JWT_INVALID";
    return jsonError(401, "invalid_token", `The downstream service rejected the token (${code}).`, {
      "WWW-Authenticate": 'Bearer error="invalid_token"',
    });
  }
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
