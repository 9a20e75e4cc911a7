import "server-only";
import { getEnv, isHttps } from "@/lib/env";
import { cookieNames, JWT_REFRESH_PATH } from "../names";

// Everything the JWT strategy needs to know about lifetimes, names and cookies, in one place.

export const ACCESS_TOKEN_TYPE = "at+jwt"; // RFC 9068: an access token, not an ID token
export const SIGNING_ALGORITHM = "ES256";
/** Longer than any token we issue; anything bigger is refused before parsing. */
export const MAX_TOKEN_LENGTH = 2048;

export function jwtSettings() {
  const env = getEnv();
  return {
    issuer: env.APP_URL,
    audience: `${env.APP_URL}/api`,
    /** The lab's XSS demo token: accepted by the demo's own endpoint and nothing else. */
    demoAudience: `${env.APP_URL}/lab/spa-demo`,
    accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
    refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    refreshIdleSeconds: env.JWT_REFRESH_IDLE_SECONDS,
    reuseGraceSeconds: env.JWT_REFRESH_GRACE_SECONDS,
    verifier: env.JWT_VERIFIER,
    clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS,
  };
}

/**
 * A family's access-token lifetime: the configured one, or the shorter one the lab's expiry
 * experiment set on it. An override can never make a token live longer.
 */
export function accessTtlFor(familyOverride?: number | null): number {
  return Math.min(jwtSettings().accessTtlSeconds, familyOverride ?? Infinity);
}

/** What the lab's expiry experiment shortens a visitor's access tokens to. */
export function labAccessTtlSeconds(): number {
  return accessTtlFor(getEnv().LAB_ACCESS_TTL_SECONDS);
}

/** `__Host-` for the access cookie (Path=/); `__Secure-` for the refresh cookie (its own path). */
export function jwtCookieNames() {
  const names = cookieNames(isHttps());
  return { access: names.jwtAccess, refresh: names.jwtRefresh };
}

export function jwtCookieOptions(kind: "access" | "refresh", maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: kind === "access" ? "/" : JWT_REFRESH_PATH,
    maxAge: maxAgeSeconds,
  } as const;
}
