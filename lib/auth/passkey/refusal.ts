import type { ErrorCode } from "@/lib/http/json";

// A ceremony's answer when it is refused: a 4xx in the standard error shape, and nothing changed.

export type Refusal = {
  ok: false;
  status: 400 | 401 | 403 | 409 | 429;
  code: ErrorCode;
  message: string;
};

export const refuse = (status: Refusal["status"], code: ErrorCode, message: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
});

/** The ceremony id names no challenge any more: used, expired, never issued, or another kind. */
export const CEREMONY_GONE = refuse(
  400,
  "bad_request",
  "This passkey request has expired or was already used. Start again.",
);
