import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { bearer, type TokenPair } from "./api";
import { cookieValue } from "./browsers";
import { COOKIES, JWT_REFRESH_PATH } from "./names";
import type { Person } from "./people";

// A JWT sign-in's two tokens: read from the browser's HttpOnly cookies (as a test can, and page
// script can't), and presented by a client that holds nothing else.

/** The access token in the browser's cookie, which it must hold. */
export async function accessTokenOf(target: Page | BrowserContext): Promise<string> {
  const token = await cookieValue(target, COOKIES.jwtAccess);
  expect(token, "the browser holds an access cookie").toBeTruthy();
  return token ?? "";
}

/** The refresh token in the browser's cookie, which it must hold. */
export async function refreshTokenOf(target: Page | BrowserContext): Promise<string> {
  const token = await cookieValue(target, COOKIES.jwtRefresh);
  expect(token, "the browser holds a refresh cookie").toBeTruthy();
  return token ?? "";
}

/** GET /api/jwt/me with only this Bearer token. */
export const meWithBearer = (request: APIRequestContext, token: string, baseURL = "") =>
  request.get(`${baseURL}/api/jwt/me`, { headers: bearer(token) });

/** Presents this refresh token in JSON, as an API client does (presenting it rotates it). */
export const refreshWith = (request: APIRequestContext, refreshToken: string, baseURL = "") =>
  request.post(`${baseURL}${JWT_REFRESH_PATH}`, { data: { refresh_token: refreshToken } });

/** The token endpoint's pair for this person, as an API client signs in (no cookies). */
export async function issueTokens(
  request: APIRequestContext,
  person: Pick<Person, "email" | "password">,
  baseURL = "",
): Promise<TokenPair> {
  const response = await request.post(`${baseURL}/api/jwt/token`, {
    data: { email: person.email, password: person.password },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as TokenPair;
}
