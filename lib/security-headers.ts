// Response headers shared by next.config.mjs (every response) and proxy.ts (pages, with a nonce).
// Plain module with no server-only import: next.config.mjs loads it at build time.
import { LOCAL_IDP_DEFAULT_URL } from "./auth/oauth/local-idp";
import { configuredAppUrl } from "./env-rules";

const isDev = process.env.NODE_ENV !== "production";
// next.config.mjs and proxy.ts can't use lib/env.ts (it is server-only and needs every secret),
// so this one non-secret setting is read here too.
const servedOverHttps = configuredAppUrl().startsWith("https://");

/**
 * Where a sign-in form may send the browser: OAuth sign-in posts to a server action that answers
 * with a redirect to the provider, and browsers apply form-action to that redirect too.
 */
function identityProviderOrigins(): string[] {
  const origins = [];
  if (!(process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET))
    origins.push(process.env.OAUTH_LOCAL_IDP_URL ?? LOCAL_IDP_DEFAULT_URL);
  else origins.push("https://accounts.google.com");
  if (!(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET))
    origins.push(process.env.OAUTH_LOCAL_IDP_URL ?? LOCAL_IDP_DEFAULT_URL);
  else origins.push("https://github.com");
  return [...new Set(origins.map((url) => new URL(url).origin))];
}

/** The page policy: scripts only with this request's nonce (and what they load), nothing framed. */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React's dev build needs it for error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes are harmless without script; Next.js and React emit a few.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${identityProviderOrigins().join(" ")}`,
    "frame-ancestors 'none'",
    ...(servedOverHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON never needs to run, load or be framed. @public (next.config.mjs loads it through tsx) */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every response. @public (next.config.mjs loads it through tsx) */
export function staticSecurityHeaders(): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ];
  if (!isDev && servedOverHttps) {
    headers.push({
      key: "Strict-Transport-Security",
      value: "max-age=63072000; includeSubDomains",
    });
  }
  return headers;
}
