import "server-only";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/cookie-names";
import { isHttps } from "@/lib/env";

// The only code outside Auth.js that touches its session cookie: reading it (to mark "this
// browser" in lists), setting it for a link session, clearing it. Same attributes as Auth.js's.

export function oauthSessionCookieName(): string {
  return cookieNames(isHttps()).oauthSession;
}

const options = (expires: Date) =>
  ({ httpOnly: true, sameSite: "lax", secure: isHttps(), path: "/", expires }) as const;

export async function readOAuthSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(oauthSessionCookieName())?.value;
}

export async function setOAuthSessionCookie(sessionToken: string, expires: Date): Promise<void> {
  (await cookies()).set(oauthSessionCookieName(), sessionToken, options(expires));
}

export async function clearOAuthSessionCookie(): Promise<void> {
  (await cookies()).set(oauthSessionCookieName(), "", { ...options(new Date(0)), maxAge: 0 });
}
