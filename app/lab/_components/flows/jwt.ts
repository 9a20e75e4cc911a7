import { defineDiagram, type Diagram } from "../sequence-types";
import type { FlowId } from "./ids";
import { APP, ATTACKER, BROWSER, DB } from "./participants";

// JWT access + refresh: lib/auth/jwt/* (access-token.ts, refresh.ts, revocation.ts, guard.ts),
// app/api/jwt/*, app/api/downstream/profile and the header's token keeper.

const SERVICE = { id: "service", label: "Other service" } as const;

export const JWT_FLOWS: Record<FlowId, Diagram> = {
  "sign-in": defineDiagram({
    title: "JWT access + refresh: sign-in",
    participants: [BROWSER, APP, DB],
    steps: [
      {
        from: "browser",
        to: "app",
        label: "POST email + password",
        detail: "a server action; API clients POST /api/jwt/token",
      },
      { from: "app", to: "db", label: "SELECT the user by email" },
      { from: "db", to: "app", label: "user, with an argon2id hash", reply: true },
      { at: "app", label: "verify the argon2id hash" },
      {
        from: "app",
        to: "db",
        label: "INSERT RefreshFamily + its first RefreshToken",
        detail: "the family lives 7 days, never extended; the token only as SHA-256",
      },
      {
        at: "app",
        label: "sign the access token: ES256",
        detail: "iss, aud, sub, fam, ver, jti, iat, exp = now + 15 min; header typ at+jwt, kid",
      },
      {
        from: "app",
        to: "browser",
        label: "Set-Cookie: access token, Path=/",
        detail: "HttpOnly",
        reply: true,
        tone: "ok",
      },
      {
        from: "app",
        to: "browser",
        label: "Set-Cookie: refresh token, Path=/api/jwt/refresh",
        detail: "HttpOnly, and sent nowhere else. API clients get both in JSON",
        reply: true,
        tone: "ok",
      },
    ],
  }),

  request: defineDiagram({
    title: "JWT access + refresh: a request",
    participants: [BROWSER, APP, DB, SERVICE],
    steps: [
      {
        from: "browser",
        to: "app",
        label: "GET /api/jwt/me with the access cookie",
        detail: "or Authorization: Bearer",
      },
      {
        at: "app",
        label: "verify the ES256 signature, iss, aud, typ, exp: no I/O",
        detail: "5 s clock tolerance; any other alg is refused",
      },
      {
        from: "app",
        to: "db",
        label: "one query: jti denylisted? epoch current? family live?",
        detail: "the app's “checked” verifier",
      },
      { from: "db", to: "app", label: "still good", reply: true },
      { from: "app", to: "browser", label: "200 with the person's data", reply: true, tone: "ok" },
      {
        from: "browser",
        to: "service",
        label: "an API client sends the same token to another service",
        detail: "as Authorization: Bearer",
      },
      {
        at: "service",
        label: "verify the signature with the key from /.well-known/jwks.json",
        detail: "no lookup at all (the key set is fetched once, then cached)",
      },
      { from: "service", to: "browser", label: "200", reply: true, tone: "ok" },
    ],
  }),

  "refresh-revoke": defineDiagram({
    title: "JWT access + refresh: refresh and revoke",
    participants: [BROWSER, ATTACKER, APP, SERVICE],
    steps: [
      {
        at: "browser",
        label: "the page's keeper: the access token is 80% through its life",
        detail: "or a minute before exp, whichever is later",
      },
      { from: "browser", to: "app", label: "POST /api/jwt/refresh with the refresh cookie" },
      {
        at: "app",
        label: "claim it atomically (usedAt null → now), INSERT one successor",
        detail: "in the database; the family's 7-day end never moves",
      },
      {
        from: "app",
        to: "browser",
        label: "Set-Cookie: new access + refresh tokens",
        reply: true,
        tone: "ok",
      },
      {
        from: "attacker",
        to: "app",
        label: "POST /api/jwt/refresh with a copy of the used token",
      },
      {
        at: "app",
        label: "reuse detected: revoke the whole family",
        detail: "the newest token too. (Two tabs racing within 10 s get 409, not this)",
        tone: "refused",
      },
      { from: "app", to: "attacker", label: "401 reuse detected", reply: true, tone: "refused" },
      { scene: "Another day: the person signs out" },
      { from: "browser", to: "app", label: "Sign out" },
      {
        at: "app",
        label: "revoke the family; denylist the jti until its exp",
      },
      { from: "app", to: "browser", label: "Set-Cookie: both cookies cleared", reply: true },
      {
        from: "attacker",
        to: "app",
        label: "GET /api/jwt/me with a copy of the access token",
      },
      {
        from: "app",
        to: "attacker",
        label: "401: the checked verifier finds the jti denylisted",
        reply: true,
        tone: "refused",
      },
      { from: "attacker", to: "service", label: "the same copy, as a Bearer token" },
      {
        from: "service",
        to: "attacker",
        label: "200 until exp: no revocation lookup",
        detail:
          "it checks signature, iss, aud, typ and exp: up to the token's life (15 min by default) after sign-out",
        reply: true,
        tone: "ok",
      },
    ],
  }),
};
