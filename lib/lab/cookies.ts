import "server-only";
import { cookies } from "next/headers";
import { jwtCookieNames, jwtCookieOptions, jwtSettings } from "@/lib/auth/jwt/config";
import type { StrategyId } from "@/lib/auth/names";
import { oauthSessionCookieName, oauthSessionCookieOptions } from "@/lib/auth/oauth/cookie";
import {
  sessionCookieName,
  sessionCookieOptions,
  sessionLifetimes,
} from "@/lib/auth/session/config";
import { getEnv } from "@/lib/env";

// What the browser holds, per strategy: each cookie's name, its size and its attributes, taken
// from the very options each strategy sets the cookie with (so they can't drift apart). Values
// never leave the server from here.

export type CookieAttributes = {
  httpOnly: boolean;
  sameSite: "Lax" | "Strict" | "None";
  secure: boolean;
  path: string;
  /** How long the browser keeps it, in seconds. */
  lifetimeSeconds: number;
};

export type CookieFacts = {
  name: string;
  holds: string;
  present: boolean;
  bytes: number;
  /** Its Path keeps it away from this page: the browser may hold it, but never sends it here. */
  elsewhere: boolean;
  attributes: CookieAttributes;
};

type Options = { httpOnly: boolean; sameSite: string; secure: boolean; path: string };

function attributes(options: Options, lifetimeSeconds: number): CookieAttributes {
  const sameSite = `${options.sameSite[0]?.toUpperCase()}${options.sameSite.slice(1)}`;
  return {
    httpOnly: options.httpOnly,
    sameSite: sameSite as CookieAttributes["sameSite"],
    secure: options.secure,
    path: options.path,
    lifetimeSeconds,
  };
}

/** The Set-Cookie attributes as a person reads them. */
export function describeAttributes(cookie: CookieAttributes): string[] {
  const days = Math.round(cookie.lifetimeSeconds / 86400);
  const lifetime = days >= 1 ? `${days} d` : `${Math.round(cookie.lifetimeSeconds / 60)} min`;
  return [
    ...(cookie.httpOnly ? ["HttpOnly"] : []),
    `SameSite=${cookie.sameSite}`,
    `Path=${cookie.path}`,
    ...(cookie.secure ? ["Secure"] : []),
    `kept ${lifetime}`,
  ];
}

function definitions(): Record<StrategyId, Omit<CookieFacts, "present" | "bytes">[]> {
  const env = getEnv();
  const family = jwtSettings().refreshTtlSeconds;
  const jwtNames = jwtCookieNames();
  return {
    session: [
      {
        name: sessionCookieName(),
        holds: "the session token, sealed (encrypted + authenticated) by iron-session",
        elsewhere: false,
        attributes: attributes(
          sessionCookieOptions(new Date()),
          sessionLifetimes().absoluteMs / 1000,
        ),
      },
    ],
    jwt: [
      {
        name: jwtNames.access,
        holds: "the signed access token (a JWT anyone holding it can decode)",
        elsewhere: false,
        attributes: attributes(jwtCookieOptions("access", family), family),
      },
      {
        name: jwtNames.refresh,
        holds: "the opaque refresh token, sent only to the refresh endpoint",
        elsewhere: true,
        attributes: attributes(jwtCookieOptions("refresh", family), family),
      },
    ],
    oauth: [
      {
        name: oauthSessionCookieName(),
        holds: "an opaque random Auth.js session token",
        elsewhere: false,
        attributes: attributes(oauthSessionCookieOptions(), env.OAUTH_SESSION_MAX_AGE_SECONDS),
      },
    ],
  };
}

export async function browserCookies(): Promise<Record<StrategyId, CookieFacts[]>> {
  const jar = await cookies();
  const byStrategy = definitions();
  const facts = (list: Omit<CookieFacts, "present" | "bytes">[]) =>
    list.map((definition) => {
      // The refresh cookie never comes to this page (its path is the refresh endpoint only).
      const value = jar.get(definition.name)?.value;
      return {
        ...definition,
        present: value !== undefined,
        bytes: value ? definition.name.length + 1 + value.length : 0,
      };
    });
  return {
    session: facts(byStrategy.session),
    jwt: facts(byStrategy.jwt),
    oauth: facts(byStrategy.oauth),
  };
}
