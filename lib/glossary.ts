// The terms the pages use, each defined once in our own words: the glossary page lists them, and
// answers that mention one link to its entry (lib/glossary-links.ts). Plain data.

export type GlossaryEntry = {
  /** kebab-case, stable: the anchor on /glossary. */
  id: string;
  term: string;
  /** Other spellings a text may use; matched like the term (whole words, any case). */
  aliases?: readonly string[];
  /** One to three sentences. */
  definition: string;
  /** Where this app shows it live. */
  seeAlso?: { label: string; href: string };
  /** False for words whose everyday sense is common in the pages' text (a claim, a replay). */
  autolink?: false;
};

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: "access-token",
    term: "access token",
    definition:
      "A short-lived credential a client presents to an API on each request. Here it is a signed JWT that lives minutes, so a stolen copy is useful only briefly.",
    seeAlso: { label: "What's in a token", href: "/lab#token-anatomy" },
  },
  {
    id: "refresh-token",
    term: "refresh token",
    definition:
      "A longer-lived, opaque credential used only at the token endpoint to get a new access token. This app rotates it on every use and treats a second use of an old one as theft (reuse detection).",
    seeAlso: { label: "Your refresh families", href: "/jwt/tokens" },
  },
  {
    id: "session",
    term: "server-side session",
    aliases: ["session row", "server session"],
    definition:
      "State kept on the server (a row: who, since when, until when) and referenced by an opaque cookie. Revoking it is deleting the row, effective on the very next request.",
    seeAlso: { label: "What each holds", href: "/lab#lab-columns" },
  },
  {
    id: "jwt",
    term: "JWT",
    aliases: ["JSON Web Token"],
    definition:
      "A JSON payload (claims) with a header, base64url-encoded and signed (RFC 7519). Anyone holding it can read it; only the key holder can make a valid signature.",
  },
  {
    id: "claim",
    term: "claim",
    autolink: false,
    definition:
      "One statement inside a JWT, such as sub (who), iss (issuer), aud (intended audience), exp (expiry) or jti (the token's own id).",
  },
  {
    id: "jwks",
    term: "JWKS",
    aliases: ["JSON Web Key Set"],
    definition:
      "The public keys an issuer publishes (here at /.well-known/jwks.json) so other services can check its signatures without sharing a secret. Each key has a kid that tokens name in their header.",
    seeAlso: { label: "Rotating signing keys", href: "/lab#key-rotation" },
  },
  {
    id: "kid",
    term: "kid",
    definition:
      "Key ID: the header field naming which key of the JWKS signed a token. It lets keys rotate: publish the new key first, sign with it later, retire the old one after its tokens expire.",
    seeAlso: { label: "Rotating signing keys", href: "/lab#key-rotation" },
  },
  {
    id: "alg",
    term: "alg",
    definition:
      "The header field naming the signature algorithm. A verifier must allow only the algorithms it expects; trusting the token's own alg is the classic 'none' and key-confusion attack.",
  },
  {
    id: "denylist",
    term: "denylist",
    definition:
      "A server-side list of token ids (jti) refused before their expiry. Consulting it makes a JWT check stateful again, which is the price of revoking one early.",
  },
  {
    id: "credential-epoch",
    term: "credential epoch",
    definition:
      "A counter on the person that every credential carries. The kill switch (sign out everywhere) bumps it, so every credential made before is refused, whichever strategy made it.",
    seeAlso: { label: "A stolen cookie, turned into the account?", href: "/lab#takeover" },
  },
  {
    id: "recent-proof",
    term: "recent proof",
    aliases: ["step-up", "re-authentication"],
    definition:
      "The time a person last proved who they are (a password, a provider sign-in). Sensitive actions ask for one within a short window; a credential minted from another is never fresher than its source.",
  },
  {
    id: "oauth",
    term: "OAuth 2.0",
    aliases: ["OAuth"],
    definition:
      "A framework (RFC 6749) by which a client obtains delegated access to an API on a person's behalf. It is about authorization; sign-in comes from OpenID Connect on top of it.",
  },
  {
    id: "oidc",
    term: "OpenID Connect",
    aliases: ["OIDC"],
    definition:
      "The identity layer on OAuth 2.0: the provider also returns an ID token saying who signed in, for this client, at what time.",
  },
  {
    id: "id-token",
    term: "ID token",
    definition:
      "A JWT from an OpenID Connect provider that tells the client who signed in (sub, email) and for which client (aud). It is for the client to read, never a credential to send to APIs. GitHub's OAuth apps have none.",
    seeAlso: { label: "Identity vs authorization", href: "/lab#id-token" },
  },
  {
    id: "authorization-code",
    term: "authorization code",
    definition:
      "A one-time value the provider sends back to the client's redirect URI, exchanged at the token endpoint for tokens. Single use, short-lived, and bound to the client and (with PKCE) to a verifier.",
  },
  {
    id: "pkce",
    term: "PKCE",
    aliases: ["code_verifier", "code verifier"],
    definition:
      "Proof Key for Code Exchange (RFC 7636): the client sends a hash of a secret with the authorization request and the secret with the code exchange, so a stolen code is useless. Required for public clients and recommended for confidential ones (RFC 9700).",
  },
  {
    id: "state",
    term: "state parameter",
    definition:
      "A random value the client sends with the authorization request and checks on the way back, so an attacker can't make the browser complete a sign-in the person never started (login CSRF).",
  },
  {
    id: "csrf",
    term: "CSRF",
    aliases: ["cross-site request forgery"],
    definition:
      "Another site making the browser send a request that carries its cookies. Defences here: SameSite cookies and an Origin check on every unsafe request.",
  },
  {
    id: "xss",
    term: "XSS",
    aliases: ["cross-site scripting"],
    definition:
      "Script injected into a page, running with the page's rights: it can read anything JavaScript can (a token in localStorage) but not an HttpOnly cookie. A Content-Security-Policy limits what may run.",
    seeAlso: { label: "What a script can read", href: "/lab#script-heading" },
  },
  {
    id: "httponly",
    term: "HttpOnly",
    definition:
      "A cookie attribute that hides the cookie from JavaScript: the browser still sends it, but a script injected into the page can't read it.",
    seeAlso: { label: "What a script can read", href: "/lab#script-heading" },
  },
  {
    id: "samesite",
    term: "SameSite",
    definition:
      "A cookie attribute that decides whether the cookie goes with requests started by other sites: Lax (top-level navigations only), Strict (never) or None (always, Secure required).",
  },
  {
    id: "host-prefix",
    term: "__Host- prefix",
    autolink: false,
    aliases: ["__Host-"],
    definition:
      "A cookie name prefix the browser enforces: Secure, Path=/ and no Domain, so a sibling subdomain can't set or overwrite the cookie.",
  },
  {
    id: "argon2id",
    term: "argon2id",
    definition:
      "A password hash designed to be slow and memory-hungry, so each guess at a leaked hash costs an attacker real time and memory. Never a fast hash like SHA-256 for passwords.",
    seeAlso: { label: "Storing passwords", href: "/lab#password-storage" },
  },
  {
    id: "bff",
    term: "backend-for-frontend",
    aliases: ["BFF"],
    definition:
      "A server of the app's own that holds the OAuth tokens and gives the browser only a session cookie, so no token is ever within reach of page JavaScript.",
    seeAlso: { label: "Combining the models", href: "/lab#hybrid" },
  },
  {
    id: "replay",
    term: "replay",
    autolink: false,
    definition:
      "Presenting a copied credential again. What stops it differs per model: a deleted session row, a denylist, rotation with reuse detection, or a consumed one-time value.",
    seeAlso: { label: "How each one works", href: "/lab#flows-heading" },
  },
  {
    id: "passkey",
    term: "passkey",
    aliases: ["WebAuthn"],
    definition:
      "A key pair made by an authenticator for one site: the site stores only the public key, and each sign-in is a signature over a fresh challenge, bound to the site's origin, so there is nothing to phish or leak.",
  },
];
