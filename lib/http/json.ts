import "server-only";
import { NextResponse } from "next/server";

// The one error shape every route handler returns: { error: { code, message } }.

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
  return NextResponse.json<ErrorBody>(
    { error: { code, message } },
    { status, headers: { ...NO_STORE, ...headers } },
  );
}

export function json<T>(body: T, init: { status?: number; headers?: HeadersInit } = {}) {
  return NextResponse.json<T>(body, {
    status: init.status ?? 200,
    headers: { ...NO_STORE, ...init.headers },
  });
}
