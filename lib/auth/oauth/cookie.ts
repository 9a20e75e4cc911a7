import "server-only";
import { cookies } from "next/headers";
import { requestCookie } from "@/lib/http/cookies";
import { cookieNames } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";

// The Auth.js session cookie's name and attributes, in one place: Auth.js is configured with
// them (auth.ts), and the little code outside Auth.js that touches the cookie uses them too.

export function oauthSessionCookieName(): string {
  return cookieNames(isHttps()).oauthSession;
}

/** `__Host-` over HTTPS, so Path=/ and no Domain; Auth.js adds the expiry itself. */
export function oauthSessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax", secure: isHttps(), path: "/" } as const;
}

/** From the request a route handler was given, when there is one; from next/headers otherwise. */
export async function readOAuthSessionCookie(request?: Request): Promise<string | undefined> {
  if (request) return requestCookie(request.headers, oauthSessionCookieName(), { unique: true });
  return (await cookies()).get(oauthSessionCookieName())?.value;
}

export async function clearOAuthSessionCookie(): Promise<void> {
  (await cookies()).set(oauthSessionCookieName(), "", {
    ...oauthSessionCookieOptions(),
    expires: new Date(0),
    maxAge: 0,
  });
}

export async function setOAuthSessionCookie(sessionToken: string, expires: Date): Promise<void> {
  (await cookies()).set(oauthSessionCookieName(), sessionToken, {
    ...oauthSessionCookieOptions(),
    expires,
  });
}
