import "server-only";
import { cookies } from "next/headers";
import type { StrategyId } from "@/lib/auth/events";
import { cookieNames } from "@/lib/auth/cookie-names";
import { getEnv, isHttps } from "@/lib/env";

// What the browser holds, per strategy: each cookie's name, its size and the attributes the app
// sets on it (from the app's own definitions). Values never leave the server from here.

export type CookieFacts = {
  name: string;
  holds: string;
  present: boolean;
  bytes: number;
  /** Its Path keeps it away from this page: the browser may hold it, but never sends it here. */
  elsewhere?: boolean;
  attributes: string[];
};

function definitions(): Record<StrategyId, Omit<CookieFacts, "present" | "bytes">[]> {
  const env = getEnv();
  const names = cookieNames(isHttps());
  const secure = isHttps() ? ["Secure"] : [];
  const days = (seconds: number) => `${Math.round(seconds / 86400)} d`;
  return {
    session: [
      {
        name: names.session,
        holds: "the session token, sealed (encrypted + authenticated) by iron-session",
        attributes: [
          "HttpOnly",
          "SameSite=Lax",
          "Path=/",
          ...secure,
          `Expires in ${days(env.SESSION_ABSOLUTE_LIFETIME_SECONDS)}`,
        ],
      },
    ],
    jwt: [
      {
        name: names.jwtAccess,
        holds: "the signed access token (a JWT anyone holding it can decode)",
        attributes: [
          "HttpOnly",
          "SameSite=Lax",
          "Path=/",
          ...secure,
          `Max-Age ${days(env.JWT_REFRESH_TTL_SECONDS)}`,
        ],
      },
      {
        name: names.jwtRefresh,
        holds: "the opaque refresh token, sent only to the refresh endpoint",
        elsewhere: true,
        attributes: [
          "HttpOnly",
          "SameSite=Lax",
          "Path=/api/jwt/refresh",
          ...secure,
          `Max-Age ${days(env.JWT_REFRESH_TTL_SECONDS)}`,
        ],
      },
    ],
    oauth: [
      {
        name: names.oauthSession,
        holds: "an opaque random Auth.js session token",
        attributes: [
          "HttpOnly",
          "SameSite=Lax",
          "Path=/",
          ...secure,
          `Expires in ${days(env.OAUTH_SESSION_MAX_AGE_SECONDS)}`,
        ],
      },
    ],
  };
}

export async function browserCookies(): Promise<Record<StrategyId, CookieFacts[]>> {
  const jar = await cookies();
  const byStrategy = definitions();
  const facts = (list: Omit<CookieFacts, "present" | "bytes">[]) =>
    list.map((definition) => {
      const value = jar.get(definition.name)?.value;
      // The refresh cookie never comes to this page (its path is the refresh endpoint only).
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
