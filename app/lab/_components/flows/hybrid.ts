import { defineDiagram, type Diagram } from "../sequence-types";
import { APP, BROWSER, DB } from "./participants";

// How the models combine, as the lab's "Combining the models" runs them. For a browser app the
// recommended shape is a backend-for-frontend (BFF): the tokens stay on the server and the browser
// holds a session cookie. The SPA that holds the app's tokens in JavaScript is drawn as what it
// is, the riskier variant (app/api/jwt/exchange/oauth makes it possible, and the lab shows it).
// A native app holds tokens in the OS keychain: there they suit.

const PROVIDER = { id: "provider", label: "Google / GitHub" } as const;
const SPA = { id: "spa", label: "SPA (in the browser)" } as const;
const MOBILE = { id: "mobile", label: "Mobile app" } as const;

export const HYBRID_FLOWS: Diagram[] = [
  defineDiagram({
    title: "Recommended for a browser app: a backend-for-frontend (BFF)",
    participants: [SPA, APP, DB, PROVIDER],
    steps: [
      {
        from: "app",
        to: "provider",
        label: "authorization code flow with PKCE",
        detail: "run by the server, a confidential client",
      },
      { from: "provider", to: "app", label: "code → tokens, ID token checked", reply: true },
      {
        at: "db",
        label: "the provider's tokens, and any the app issues",
        detail: "kept on the server, never sent to the browser",
      },
      {
        from: "app",
        to: "spa",
        label: "an HttpOnly, SameSite session cookie",
        detail: "all the browser holds; no script can read it",
        reply: true,
      },
      {
        from: "spa",
        to: "app",
        label: "GET /api/…, the cookie (same origin)",
        detail: "Origin checked on unsafe requests",
      },
      {
        at: "app",
        label: "calls APIs with the tokens it keeps",
        detail: "refreshes them server-side",
      },
    ],
  }),
  defineDiagram({
    title: "The riskier variant: the SPA holds the app's tokens in JavaScript",
    participants: [SPA, APP, DB, PROVIDER],
    steps: [
      {
        from: "spa",
        to: "provider",
        label: "authorization code flow with PKCE",
        detail: "as the OAuth sign-in",
      },
      { from: "provider", to: "app", label: "code → tokens, ID token checked", reply: true },
      { at: "app", label: "Auth.js session for this browser", detail: "an opaque HttpOnly cookie" },
      {
        from: "spa",
        to: "app",
        label: "POST /api/jwt/exchange/oauth",
        detail: "the session cookie, Origin checked",
      },
      { at: "db", label: "a new refresh family for the same person" },
      {
        from: "app",
        to: "spa",
        label: "the app's access + refresh tokens, to JavaScript",
        detail: "the provider's tokens never leave the server",
        reply: true,
      },
      {
        at: "spa",
        label: "any script on the page can read them",
        detail: "one XSS flaw sends the refresh token, and days of access, elsewhere",
      },
      {
        from: "spa",
        to: "app",
        label: "GET /api/jwt/notes, Bearer <access token>",
        detail: "verified by signature",
      },
    ],
  }),
  defineDiagram({
    title: "A session for the web app, tokens for the native mobile app",
    participants: [BROWSER, APP, DB, MOBILE],
    steps: [
      { from: "browser", to: "app", label: "sign in: email + password" },
      { at: "db", label: "a session row", detail: "the web app keeps its sealed HttpOnly cookie" },
      {
        from: "browser",
        to: "app",
        label: "POST /api/jwt/exchange/session",
        detail: "e.g. “link my phone”",
      },
      {
        from: "app",
        to: "mobile",
        label: "an access + refresh pair for the app",
        detail: "kept in the OS keychain",
        reply: true,
      },
      { from: "mobile", to: "app", label: "Bearer <access token> on each API call" },
      {
        from: "mobile",
        to: "app",
        label: "POST /api/jwt/refresh when it expires",
        detail: "rotated, reuse detected",
      },
      {
        at: "app",
        label: "sign out everywhere, every strategy",
        detail: "ends the session and the family at once",
      },
    ],
  }),
];
