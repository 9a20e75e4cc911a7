import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import type { AccessClaims } from "../../lib/auth/jwt/claims";

// What every API answer is checked against: the one error shape, and tokens read as any client may.

export type ApiError = { error: { code: string; message: string } };
export type Note = { id: string; body: string; createdVia: string; createdAt: string };
export type TokenPair = {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
};
/** An access token's payload as the app signs it (lib/auth/jwt/claims.ts), with iss and aud. */
export type Claims = AccessClaims & { iss?: string; aud?: string };

/** The claims of a new sign-in's access token (credential version 0), as far as a client knows them. */
export const NEW_SIGN_IN_CLAIMS = {
  sub: expect.any(String),
  fam: expect.any(String),
  ver: 0,
  auth_time: expect.any(Number),
  jti: expect.any(String),
  iat: expect.any(Number),
  exp: expect.any(Number),
};

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The Origin header a page on another site sends (the CSRF rules refuse it with a cookie). */
export const ANOTHER_SITE = { origin: "http://evil.test" } as const;

/** POSTs as a page on another site does, with that site's Origin. */
export function postFromAnotherSite(
  request: APIRequestContext,
  path: string,
  options: { data?: unknown; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  return request.post(path, { ...options, headers: { ...options.headers, ...ANOTHER_SITE } });
}

/** A JWT's payload, decoded without any check: anyone holding a token can do this. */
export function claimsOf(token: string): Claims {
  const [, payload = ""] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
}

/** POSTs `body` as it is, under `contentType`: what a JSON route gets from a careless client. */
export function postBody(
  request: APIRequestContext,
  path: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.post(path, {
    data: Buffer.from(body),
    headers: { ...headers, "content-type": contentType },
  });
}

/** Status, JSON content type and exactly { error: { code, message } }; never a 500. */
export async function expectError(
  response: APIResponse,
  status: number,
  code: string,
  message: string | RegExp = /./,
): Promise<void> {
  const where = response.url();
  expect(response.status(), where).toBe(status);
  expect(response.headers()["content-type"], where).toMatch(/^application\/json/);
  const body = (await response.json()) as ApiError;
  expect(body, where).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message, where).toMatch(message);
}

/** The names of the steps in a Server-Timing header, after checking its shape. */
export function serverTimingSteps(response: APIResponse): string[] {
  const header = response.headers()["server-timing"] ?? "";
  const entries = header.split(",").map((entry) => entry.trim());
  for (const entry of entries) expect(entry, header).toMatch(/^[a-z-]+;dur=\d+(\.\d+)?$/);
  return entries.map((entry) => entry.split(";")[0] ?? "");
}
