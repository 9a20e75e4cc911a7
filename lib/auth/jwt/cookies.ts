import "server-only";
import { cookies } from "next/headers";
import { requestCookie } from "@/lib/http/cookies";
import { jwtCookieNames, jwtCookieOptions, jwtSettings } from "./config";

// The only code that touches the JWT strategy's cookies. The access cookie outlives its token
// (it lives as long as the refresh family) so a page can tell "expired, try a refresh" from
// "never signed in"; the refresh cookie is only ever sent to the refresh endpoint.

/** Cookie Max-Age for something that ends at `end`; at least a second. */
const secondsUntil = (end: Date) => Math.max(1, Math.floor((end.getTime() - Date.now()) / 1000));

/** From the request a route handler was given, when there is one; from next/headers otherwise. */
export async function readAccessCookie(request?: Request): Promise<string | undefined> {
  if (request) return requestCookie(request.headers, jwtCookieNames().access);
  return (await cookies()).get(jwtCookieNames().access)?.value;
}

export async function readRefreshCookie(): Promise<string | undefined> {
  return (await cookies()).get(jwtCookieNames().refresh)?.value;
}

export async function setTokenCookies(
  accessToken: string,
  refreshToken: string,
  familyExpiresAt: Date,
): Promise<void> {
  const jar = await cookies();
  const names = jwtCookieNames();
  const familySeconds = secondsUntil(familyExpiresAt);
  jar.set(names.access, accessToken, jwtCookieOptions("access", familySeconds));
  jar.set(
    names.refresh,
    refreshToken,
    jwtCookieOptions("refresh", Math.min(familySeconds, jwtSettings().refreshTtlSeconds)),
  );
}

/** Replaces the access token only (the refresh cookie is never sent outside its own path). */
export async function setAccessCookie(accessToken: string, familyExpiresAt: Date): Promise<void> {
  (await cookies()).set(
    jwtCookieNames().access,
    accessToken,
    jwtCookieOptions("access", secondsUntil(familyExpiresAt)),
  );
}

export async function clearTokenCookies(): Promise<void> {
  const jar = await cookies();
  const names = jwtCookieNames();
  jar.set(names.access, "", jwtCookieOptions("access", 0));
  jar.set(names.refresh, "", jwtCookieOptions("refresh", 0));
}
