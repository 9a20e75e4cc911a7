import "server-only";
import { cookies, headers } from "next/headers";
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

export type OAuthSessionCookie =
  | { state: "none" }
  | { state: "one"; token: string }
  /** Twice, or beside another cookie whose name starts with it: Auth.js would join them. */
  | { state: "ambiguous" };

/**
 * The Auth.js session cookie, read the one way everything in the app reads it. Auth.js joins every
 * cookie whose name merely starts with the session cookie's (meant for chunks, `name.0`, `name.1`,
 * but `nameX` or `name-0` count too), names trimmed of spaces and tabs, and keeps the first of two
 * same-named cookies; Next.js's cookies() keeps the last and knows no chunks. A request on which
 * the two could disagree never reaches a decision: it counts as no session here, and /api/auth
 * refuses it before Auth.js runs. This app never sends such a cookie (its session cookie is small
 * and unchunked); an attacker can plant one (over plain HTTP from a sibling subdomain; `__Host-`
 * rules that out over HTTPS), or send it from their own client.
 */
export function oauthSessionCookieIn(source: Headers): OAuthSessionCookie {
  const name = oauthSessionCookieName();
  let token: string | null = null;
  for (const pair of (source.get("cookie") ?? "").split(";")) {
    const splitAt = pair.indexOf("=");
    const key = (splitAt === -1 ? pair : pair.slice(0, splitAt)).trim();
    if (!key.startsWith(name)) continue;
    // Anything beyond the one exact name, or the name twice: the readers could disagree.
    if (key !== name || token !== null) return { state: "ambiguous" };
    try {
      token = decodeURIComponent(pair.slice(splitAt + 1).trim());
    } catch {
      return { state: "ambiguous" };
    }
  }
  return token ? { state: "one", token } : { state: "none" };
}

/** The session token, when the request carries exactly one; from next/headers without a request. */
export async function readOAuthSessionCookie(request?: Request): Promise<string | undefined> {
  const found = oauthSessionCookieIn(request ? request.headers : await headers());
  return found.state === "one" ? found.token : undefined;
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
