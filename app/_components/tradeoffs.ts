import type { StrategyId } from "@/lib/auth/names";

// The home page's trade-off table. Each row links to the lab view that proves it.

export type Tradeoff = {
  topic: string;
  /** Where the lab shows it happen. */
  proof?: { href: string; label: string };
  cells: Record<StrategyId, string>;
};

export const TRADEOFFS: readonly Tradeoff[] = [
  {
    topic: "Signing in",
    proof: { href: "/lab#flows-heading", label: "The flows, step by step" },
    cells: {
      session: "A form posts the password to this app, which answers with a sealed cookie.",
      jwt: "The same form; the app answers with two tokens: a short access token and a refresh token.",
      oauth:
        "A round trip through the provider: redirect, consent, then a code exchanged with PKCE, server to server.",
    },
  },
  {
    topic: "Where the state lives",
    proof: { href: "/lab#lab-session", label: "See the rows" },
    cells: {
      session:
        "On the server: a session row per browser. The cookie is only a sealed reference to it.",
      jwt: "In the token: who you are and until when travel with every request. The server keeps only refresh tokens.",
      oauth:
        "At the provider for your identity; here, an Auth.js session row plus the provider's tokens.",
    },
  },
  {
    topic: "Revocation",
    proof: { href: "/lab#experiment-replay", label: "Replay after sign-out" },
    cells: {
      session: "Instant: delete the row and the next request is refused.",
      jwt: "Waits for expiry wherever a verifier checks only the signature; instant only where it also checks a denylist.",
      oauth: "Instant for this app's session; the provider grant is revoked at the provider.",
    },
  },
  {
    topic: "Expiry",
    proof: { href: "/lab#experiment-expiry", label: "Watch it, sped up" },
    cells: {
      session:
        "Decided by the server: each request slides the idle deadline, up to an absolute limit.",
      jwt: "Written into the token: it can't be extended, only replaced. A short life plus silent refresh.",
      oauth:
        "This app's session slides like a server session; the provider's tokens expire on their own.",
    },
  },
  {
    topic: "Cost per request",
    proof: { href: "/lab#cost-heading", label: "Measure it" },
    cells: {
      session: "One database lookup (plus unsealing the cookie).",
      jwt: "A signature check, no lookup; one indexed lookup if you want revocation.",
      oauth: "One database lookup for the Auth.js session.",
    },
  },
  {
    topic: "Scaling across services",
    proof: { href: "/lab#experiment-replay", label: "The downstream route" },
    cells: {
      session: "Every service needs the session store.",
      jwt: "Any service with the public key (JWKS) can verify on its own.",
      oauth: "Sessions are per app; the provider is shared by many apps.",
    },
  },
  {
    topic: "What the browser can read",
    proof: { href: "/lab#script-heading", label: "What scripts see" },
    cells: {
      session: "Nothing useful: an encrypted, HttpOnly cookie.",
      jwt: "The payload is only encoded, not encrypted: anyone holding the token can read its claims.",
      oauth: "An opaque, HttpOnly session token. Provider tokens never reach the browser.",
    },
  },
  {
    topic: "Size on the wire",
    proof: { href: "/lab#lab-session", label: "Cookie sizes" },
    cells: {
      session: "About 300 bytes of cookie.",
      jwt: "About 300-500 bytes per token, growing with every claim.",
      oauth: "A short random session token.",
    },
  },
  {
    topic: "CSRF exposure",
    proof: { href: "/lab#experiment-cross-site", label: "A cross-site request" },
    cells: {
      session: "Cookies ride along cross-site: SameSite and Origin checks hold the line.",
      jwt: "Same as sessions when the token is a cookie; none when sent as a Bearer header.",
      oauth: "Cookie-based like sessions, plus state and PKCE on the sign-in redirect itself.",
    },
  },
  {
    topic: "XSS exposure",
    proof: { href: "/lab#experiment-xss", label: "What a script can steal" },
    cells: {
      session: "A script can act as you while the page is open, but can't carry the cookie away.",
      jwt: "Same in an HttpOnly cookie; in localStorage, a script can steal the token and use it elsewhere until it expires.",
      oauth: "Like sessions: the HttpOnly cookie can't be read by scripts.",
    },
  },
  {
    topic: "Best fit",
    cells: {
      session: "A web app with its own backend: simple, revocable, private.",
      jwt: "APIs and many services that must verify without a shared store, with short lifetimes.",
      oauth:
        "Letting people bring an identity they already have, or acting on their behalf at the provider.",
    },
  },
];
