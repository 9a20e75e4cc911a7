import "server-only";

// The one error shape every route handler returns: { error: { code, message } }.
//
// Plain Response.json: NextResponse.json builds a Response, then a second one around its body
// stream, plus a cookie jar and a Proxy for it, for every answer; nothing here uses them (route
// handlers set cookies through next/headers, which Next.js adds to any Response).

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "invalid_token"
  | "token_expired"
  | "session_expired"
  /** A sensitive action needs a recent proof of who you are (lib/auth/account/recent-proof.ts). */
  | "reauth_required"
  | "conflict"
  | "unavailable"
  | "internal";

export type ErrorBody = { error: { code: ErrorCode; message: string } };

const NO_STORE = { "Cache-Control": "no-store" };

export function jsonError(
  status: number,
  code: ErrorCode,
  message: string,
  headers: HeadersInit = {},
) {
  return Response.json({ error: { code, message } } satisfies ErrorBody, {
    status,
    headers: { ...NO_STORE, ...headers },
  });
}

export function json<T>(body: T, init: { status?: number; headers?: HeadersInit } = {}) {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { ...NO_STORE, ...init.headers },
  });
}
