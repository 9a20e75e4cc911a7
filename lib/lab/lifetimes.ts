import "server-only";
import { jwtSettings, labAccessTtlSeconds } from "@/lib/auth/jwt/config";
import { setAccessCookie } from "@/lib/auth/jwt/cookies";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { restoreAccessLifetime, shortenAccessLifetime } from "@/lib/auth/jwt/lifecycle";
import { labIdleTimeoutSeconds, sessionLifetimes } from "@/lib/auth/session/config";
import { getEnv } from "@/lib/env";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { restoreSessionIdleTimeout, shortenSessionIdleTimeout } from "@/lib/auth/session/lifecycle";
import type { JwtColumn, SessionColumn } from "./server-view";

// The lab's expiry experiment: shorter lifetimes for this browser's own session row and JWT family,
// so a visitor can watch expiry in seconds. Nothing global changes: every other session and family
// keeps the configured lifetimes, and an override can only shorten them. Each change has its undo.

export type ShortenedLifetimes = {
  session: { idleTimeoutSeconds: number; idleExpiresAt: string } | null;
  jwt: { accessTtlSeconds: number; iat: number; exp: number } | null;
};

export async function shortenMyLifetimes(): Promise<ShortenedLifetimes> {
  const [current, jwt] = await Promise.all([getCurrentSession(), getCurrentJwt()]);

  const session = current.session
    ? await shortenSessionIdleTimeout(current.session, labIdleTimeoutSeconds())
    : null;
  const access = jwt.ok ? await shortenAccessLifetime(jwt.claims, labAccessTtlSeconds()) : null;
  if (access) await setAccessCookie(access.token, access.familyExpiresAt);

  return {
    session: session && {
      idleTimeoutSeconds: session.idleTimeoutSeconds ?? labIdleTimeoutSeconds(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
    },
    jwt: access && {
      accessTtlSeconds: access.claims.exp - access.claims.iat,
      iat: access.claims.iat,
      exp: access.claims.exp,
    },
  };
}

export type RestoredLifetimes = {
  session: { idleTimeoutSeconds: number; idleExpiresAt: string } | null;
  /** The family's next access token (at the next refresh) lives this long again. */
  jwt: { accessTtlSeconds: number } | null;
};

/**
 * The experiment's undo, for this browser's own session and JWT family only: the configured
 * lifetimes again. A credential that has already ended stays ended: only a sign-in makes a new one.
 */
export async function restoreMyLifetimes(): Promise<RestoredLifetimes> {
  const [current, jwt] = await Promise.all([getCurrentSession(), getCurrentJwt()]);
  const session = current.session ? await restoreSessionIdleTimeout(current.session) : null;
  const family = jwt.ok && (await restoreAccessLifetime(jwt.claims));
  return {
    session: session && {
      idleTimeoutSeconds: sessionLifetimes().idleMs / 1000,
      idleExpiresAt: session.idleExpiresAt.toISOString(),
    },
    jwt: family ? { accessTtlSeconds: jwtSettings().accessTtlSeconds } : null,
  };
}

export type LifetimeSettings = {
  defaults: { idleSeconds: number; accessTtlSeconds: number };
  lab: { idleSeconds: number; accessTtlSeconds: number };
  /** How long after `exp` the verifier still accepts a token (clock skew between servers). */
  clockToleranceSeconds: number;
};

/** What the experiment's explanation quotes: the configured lifetimes and the lab's. */
export function lifetimeSettings(): LifetimeSettings {
  return {
    defaults: {
      idleSeconds: sessionLifetimes().idleMs / 1000,
      accessTtlSeconds: jwtSettings().accessTtlSeconds,
    },
    lab: { idleSeconds: labIdleTimeoutSeconds(), accessTtlSeconds: labAccessTtlSeconds() },
    clockToleranceSeconds: jwtSettings().clockToleranceSeconds,
  };
}

export type SessionExpiryState =
  | {
      state: "signed-in";
      idleExpiresAt: string;
      idleTimeoutSeconds: number;
      /** The server's clock at render: the deadline is the server's, whatever the browser's says. */
      serverNow: number;
    }
  | { state: "signed-out" };
export type JwtExpiryState =
  { state: "signed-in"; iat: number; exp: number } | { state: "expired" } | { state: "signed-out" };

/** Just the times the experiment needs, out of the lab's columns. */
export function expiryStates(
  session: SessionColumn,
  jwt: JwtColumn,
): { session: SessionExpiryState; jwt: JwtExpiryState } {
  return {
    session: session.signedIn
      ? {
          state: "signed-in",
          idleExpiresAt: session.row.idleExpiresAt,
          idleTimeoutSeconds: session.row.idleTimeoutSeconds,
          serverNow: Date.now(),
        }
      : { state: "signed-out" },
    jwt: jwt.signedIn
      ? { state: "signed-in", iat: jwt.iat, exp: jwt.exp }
      : { state: jwt.expired ? "expired" : "signed-out" },
  };
}

export type LifetimeRow = {
  strategy: "session" | "jwt" | "oauth";
  credential: string;
  idle: number | null;
  absolute: number;
  /** The variables that set them. */
  settings: string;
};

/** Every lifetime each strategy lives by, from the configuration: the lab shows them side by side. */
export function configuredLifetimes(): LifetimeRow[] {
  const env = getEnv();
  return [
    {
      strategy: "session",
      credential: "Server session",
      idle: env.SESSION_IDLE_TIMEOUT_SECONDS,
      absolute: env.SESSION_ABSOLUTE_LIFETIME_SECONDS,
      settings: "SESSION_IDLE_TIMEOUT_SECONDS, SESSION_ABSOLUTE_LIFETIME_SECONDS",
    },
    {
      strategy: "jwt",
      credential: "Access token",
      idle: null,
      absolute: env.JWT_ACCESS_TTL_SECONDS,
      settings: "JWT_ACCESS_TTL_SECONDS (never past its family's end)",
    },
    {
      strategy: "jwt",
      credential: "Refresh family",
      idle: env.JWT_REFRESH_IDLE_SECONDS,
      absolute: env.JWT_REFRESH_TTL_SECONDS,
      settings: "JWT_REFRESH_IDLE_SECONDS, JWT_REFRESH_TTL_SECONDS",
    },
    {
      strategy: "oauth",
      credential: "Auth.js session",
      idle: env.OAUTH_SESSION_MAX_AGE_SECONDS,
      absolute: env.OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS,
      settings: "OAUTH_SESSION_MAX_AGE_SECONDS, OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS",
    },
  ];
}
