import { defineDiagram, type Diagram } from "../sequence-types";
import type { FlowId } from "./ids";
import { APP, ATTACKER, BROWSER, DB } from "./participants";

// Server sessions: lib/auth/session/* (store.ts, seal.ts, lifecycle.ts, guard.ts).

export const SESSION_FLOWS: Record<FlowId, Diagram> = {
  "sign-in": defineDiagram({
    title: "Server session: sign-in",
    participants: [BROWSER, APP, DB],
    steps: [
      { from: "browser", to: "app", label: "POST email + password", detail: "a server action" },
      { from: "app", to: "db", label: "SELECT the user by email" },
      { from: "db", to: "app", label: "user, with an argon2id hash", reply: true },
      {
        at: "app",
        label: "verify the argon2id hash",
        detail: "unknown emails cost the same; failures are throttled",
      },
      {
        from: "app",
        to: "db",
        label: "DELETE this browser's previous session, if any",
        detail: "no session fixation",
      },
      { at: "app", label: "new 256-bit random token; row id = SHA-256(token)" },
      {
        from: "app",
        to: "db",
        label: "INSERT CookieSession",
        detail: "idle expiry in 30 min, absolute in 7 days",
      },
      {
        from: "app",
        to: "browser",
        label: "Set-Cookie: the token, sealed by iron-session",
        detail: "HttpOnly; SameSite=Lax; __Host- prefix over HTTPS",
        reply: true,
        tone: "ok",
      },
    ],
  }),

  request: defineDiagram({
    title: "Server session: a request",
    participants: [BROWSER, APP, DB],
    steps: [
      { from: "browser", to: "app", label: "GET /api/session/me with the session cookie" },
      {
        at: "app",
        label: "unseal: AES-256-CBC + HMAC-SHA-256",
        detail: "a tampered seal stops here, before any query",
      },
      { at: "app", label: "row id = SHA-256(token)" },
      {
        from: "app",
        to: "db",
        label: "SELECT session JOIN user by id",
        detail: "one round trip, on every request",
      },
      { from: "db", to: "app", label: "the row, or none", reply: true },
      {
        at: "app",
        label: "check idle (30 min) and absolute (7 days) expiry",
        detail: "expired: DELETE the row",
      },
      {
        from: "app",
        to: "db",
        label: "UPDATE lastSeenAt: slide the idle window",
        detail: "a write at most once a minute",
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
    title: "Server session: refresh and revoke",
    participants: [BROWSER, ATTACKER, APP, DB],
    steps: [
      {
        at: "app",
        label: "no refresh step",
        detail: "each request slides the idle window instead",
      },
      {
        from: "browser",
        to: "app",
        label: "Sign out",
        detail: "“sign out other devices” (devices page) deletes the other rows instead",
      },
      { from: "app", to: "db", label: "DELETE the session row(s)" },
      { from: "app", to: "browser", label: "Set-Cookie: cookie cleared", reply: true },
      {
        from: "attacker",
        to: "app",
        label: "GET /api/session/me with a copy of the old cookie",
      },
      {
        at: "app",
        label: "the seal still opens: it is genuine",
        detail: "only the database knows the session ended",
      },
      { from: "app", to: "db", label: "SELECT session JOIN user by id" },
      { from: "db", to: "app", label: "no row", reply: true },
      { from: "app", to: "attacker", label: "401 at once", reply: true, tone: "refused" },
    ],
  }),
};
