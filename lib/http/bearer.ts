import { jsonError } from "./json";
import type { AuthFailure } from "./route-guard";

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer[ ]+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
}

/**
 * RFC 6750's WWW-Authenticate challenge: bare when no token came, `invalid_token` (and why, when
 * given) when one came and was refused.
 */
export function bearerChallenge(refused?: { description?: string }): string {
  if (!refused) return "Bearer";
  return refused.description
    ? `Bearer error="invalid_token", error_description="${refused.description}"`
    : 'Bearer error="invalid_token"';
}

/**
 * A guard's 401 for a Bearer-token route, in the standard shape: `refused` absent when no token
 * came (a bare challenge), else the token was refused (and why, for the challenge).
 */
export function bearerFailure(
  code: AuthFailure["code"],
  message: string,
  refused?: { description?: string },
): AuthFailure {
  return {
    status: 401,
    code,
    message,
    headers: { "WWW-Authenticate": bearerChallenge(refused) },
  };
}

/** The same 401, as a route handler's answer. */
export function bearerError(...failure: Parameters<typeof bearerFailure>): Response {
  const { status, code, message, headers } = bearerFailure(...failure);
  return jsonError(status, code, message, headers);
}

/**
 * A GET handler for a route that takes a Bearer token and nothing else (a downstream API): with
 * no token, the bare challenge; with one, `handle` decides.
 */
export function takingBearer<Route>(
  what: string,
  handle: (token: string, route: Route) => Promise<Response>,
): (request: Request, route: Route) => Promise<Response> {
  return async (request, route) => {
    const token = bearerToken(request.headers);
    return token
      ? handle(token, route)
      : bearerError("unauthorized", `Send ${what} as a Bearer token.`);
  };
}
