import { defineDiagram, type Diagram } from "../sequence-types";
import { APP, BROWSER, DB } from "./participants";

// The hybrids production apps use, as the lab's "Combining the models" runs them:
// app/api/jwt/exchange/[from] turns a sign-in made one way into the app's own JWT pair.

const PROVIDER = { id: "provider", label: "Google / GitHub" } as const;
const SPA = { id: "spa", label: "SPA (in the browser)" } as const;
const MOBILE = { id: "mobile", label: "Mobile app" } as const;

export const HYBRID_FLOWS: Diagram[] = [
  defineDiagram({
    title: "Sign in with a provider, call the API with the app's own tokens",
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
        label: "the app's access + refresh tokens",
        detail: "the provider's tokens never leave the server",
        reply: true,
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
    title: "A session for the web app, tokens for the mobile app",
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
      { from: "app", to: "mobile", label: "an access + refresh pair for the app", reply: true },
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
