import "server-only";
import { bearerFailure, bearerToken } from "@/lib/http/bearer";
import type { Authenticator } from "@/lib/auth/http/authenticator";
import type { AuthFailure } from "@/lib/http/route";
import { readAccessCookie } from "./cookies";
import { authenticateJwt, type JwtFailure, type VerifierMode } from "./guard";

// The JWT guard in the shape route handlers take, with RFC 6750 answers on failure.

export function jwtAuthenticator(mode?: VerifierMode): Authenticator {
  return async (request, timing) => {
    const auth = await authenticateJwt(
      { bearer: bearerToken(request.headers), cookie: await readAccessCookie(request) },
      timing,
      mode,
    );
    return auth.ok ? auth.user : jwtFailure(auth.reason);
  };
}

export function jwtFailure(reason: JwtFailure): AuthFailure {
  switch (reason) {
    case "missing":
      return bearerFailure("unauthorized", "Sign in with the jwt strategy first.");
    case "expired":
      return bearerFailure("token_expired", "The access token has expired: refresh it.", {
        description: "expired",
      });
    case "conflicting_credentials":
      return bearerFailure(
        "invalid_token",
        "The cookie and the Authorization header name different people.",
        { description: "conflicting credentials" },
      );
    default:
      return bearerFailure("invalid_token", `The access token was rejected: ${reason}.`, {
        description: reason,
      });
  }
}
