import { type APIResponse, expect } from "@playwright/test";
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

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A JWT's payload, decoded without any check: anyone holding a token can do this. */
export function claimsOf(token: string): Claims {
  const [, payload = ""] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
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
