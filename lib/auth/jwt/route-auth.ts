import "server-only";
import { bearerChallenge, bearerToken } from "@/lib/http/bearer";
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
  if (reason === "missing") {
    return {
      status: 401,
      code: "unauthorized",
      message: "Sign in with the jwt strategy first.",
      headers: { "WWW-Authenticate": bearerChallenge() },
    };
  }
  const challenge = (description: string) => ({
    "WWW-Authenticate": bearerChallenge({ description }),
  });
  if (reason === "expired") {
    return {
      status: 401,
      code: "token_expired",
      message: "The access token has expired: refresh it.",
      headers: challenge("expired"),
    };
  }
  if (reason === "conflicting_credentials") {
    return {
      status: 401,
      code: "invalid_token",
      message: "The cookie and the Authorization header name different people.",
      headers: challenge("conflicting credentials"),
    };
  }
  return {
    status: 401,
    code: "invalid_token",
    message: `The access token was rejected: ${reason}.`,
    headers: challenge(reason),
  };
}
