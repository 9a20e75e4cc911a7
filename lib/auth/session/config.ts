import "server-only";
import { getEnv, isHttps } from "@/lib/env";
import { cookieNames } from "../names";

// Everything the session strategy needs to know about its cookie and lifetimes, in one place.

/** `__Host-` over HTTPS: the browser then insists on Secure, Path=/ and no Domain. */
export function sessionCookieName(): string {
  return cookieNames(isHttps()).session;
}

export function sessionCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: "/",
    expires,
  } as const;
}

export type SessionLifetimes = { idleMs: number; absoluteMs: number; touchIntervalMs: number };

/**
 * The configured lifetimes, or shorter ones for a session the lab's expiry experiment picked
 * (`idleTimeoutSeconds` on its row). An override can only shorten the idle timeout, never extend it.
 */
export function sessionLifetimes(idleTimeoutSeconds?: number | null): SessionLifetimes {
  const { SESSION_IDLE_TIMEOUT_SECONDS, SESSION_ABSOLUTE_LIFETIME_SECONDS } = getEnv();
  const idleMs = Math.min(SESSION_IDLE_TIMEOUT_SECONDS, idleTimeoutSeconds ?? Infinity) * 1000;
  return {
    idleMs,
    absoluteMs: SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000,
    // Writing lastSeenAt at most once a minute keeps reads from turning into writes; a short idle
    // timeout (tests, the lab) needs the sliding window to move more often than it expires.
    touchIntervalMs: Math.min(60_000, Math.floor(idleMs / 3)),
  };
}

/** What the lab's expiry experiment shortens a visitor's idle timeout to. */
export function labIdleTimeoutSeconds(): number {
  return sessionLifetimes(getEnv().LAB_SESSION_IDLE_SECONDS).idleMs / 1000;
}

/** iron-session's password map: the highest number seals, every listed one unseals. */
export function sealPasswords(): Record<string, string> {
  return getEnv().SESSION_PASSWORDS;
}
