import { defineDiagram, type Diagram } from "../sequence-types";
import type { FlowId } from "./ids";
import { APP, ATTACKER, BROWSER, DB } from "./participants";

// Google / GitHub through Auth.js v5 with the Prisma adapter and database sessions:
// lib/auth/oauth/* (auth.ts, providers.ts, accounts.ts, delegated.ts).

const PROVIDER = { id: "provider", label: "Google / GitHub" } as const;

export const OAUTH_FLOWS: Record<FlowId, Diagram> = {
  "sign-in": defineDiagram({
    title: "Google / GitHub (OAuth): sign-in",
    participants: [BROWSER, APP, DB, PROVIDER],
    steps: [
      {
        from: "browser",
        to: "app",
        label: "Continue with Google / GitHub",
        detail: "a form posting to a server action",
      },
      {
        at: "app",
        label: "new state, nonce (Google) and PKCE code_verifier",
        detail: "kept in short-lived encrypted cookies",
      },
      {
        from: "app",
        to: "browser",
        label: "redirect to the provider's authorize URL",
        detail: "code_challenge = BASE64URL(SHA-256(code_verifier))",
        reply: true,
      },
      { from: "browser", to: "provider", label: "GET the authorize URL" },
      {
        at: "provider",
        label: "the person signs in and consents",
        detail: "Auth Lab never sees that password",
      },
      {
        from: "provider",
        to: "browser",
        label: "redirect to /api/auth/callback/<provider>?code&state",
        reply: true,
      },
      { from: "browser", to: "app", label: "GET the callback URL, with the short-lived cookies" },
      { at: "app", label: "check state against its cookie" },
      {
        from: "app",
        to: "provider",
        label: "POST code + code_verifier to the token endpoint",
        detail: "back channel, server to server",
      },
      {
        from: "provider",
        to: "app",
        label: "access token (+ ID token for Google)",
        detail:
          "Google: ID token claims checked, nonce included; GitHub: profile fetched with the token",
        reply: true,
      },
      {
        from: "app",
        to: "db",
        label: "find the Account, or create User + Account",
        detail: "provider tokens stay in Account, never in the browser; no silent linking by email",
      },
      { from: "app", to: "db", label: "INSERT Session", detail: "a database session" },
      {
        from: "app",
        to: "browser",
        label: "Set-Cookie: authjs.session-token",
        detail: "an opaque random value; HttpOnly",
        reply: true,
        tone: "ok",
      },
    ],
  }),

  request: defineDiagram({
    title: "Google / GitHub (OAuth): a request",
    participants: [BROWSER, APP, DB, PROVIDER],
    steps: [
      {
        from: "browser",
        to: "app",
        label: "GET /api/oauth/me with authjs.session-token",
      },
      {
        from: "app",
        to: "db",
        label: "look up the Session and its User by the token",
        detail: "one lookup, on every request",
      },
      { from: "db", to: "app", label: "the row, or none", reply: true },
      {
        at: "app",
        label: "check expiry; slide it (7 days)",
        detail: "a write at most once an hour",
      },
      {
        at: "provider",
        label: "not contacted",
        detail: "after sign-in, this is a server session",
      },
      {
        from: "app",
        to: "browser",
        label: "200 with the person's data",
        detail: "no row, or expired: 401",
        reply: true,
        tone: "ok",
      },
    ],
  }),

  "refresh-revoke": defineDiagram({
    title: "Google / GitHub (OAuth): refresh and revoke",
    participants: [BROWSER, ATTACKER, APP, PROVIDER],
    steps: [
      { from: "browser", to: "app", label: "Sign out" },
      { at: "app", label: "DELETE the Session row", detail: "in the database" },
      { from: "app", to: "browser", label: "Set-Cookie: cookie cleared", reply: true },
      {
        from: "attacker",
        to: "app",
        label: "GET /api/oauth/me with a copy of the old cookie",
      },
      { at: "app", label: "look up the Session: no row" },
      { from: "app", to: "attacker", label: "401 at once", reply: true, tone: "refused" },
      { scene: "The grant at the provider is untouched" },
      {
        from: "app",
        to: "provider",
        label: "call the provider's API with the token kept in Account",
        detail: "Authorization: Bearer; e.g. GitHub /user/repos, Google userinfo",
      },
      {
        from: "provider",
        to: "app",
        label: "200 until it expires or the person revokes it there",
        reply: true,
        tone: "ok",
      },
    ],
  }),
};
