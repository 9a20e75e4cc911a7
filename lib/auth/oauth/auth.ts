import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { getDb } from "@/lib/db";
import { getEnv, isHttps } from "@/lib/env";
import { recordEvent } from "../events";
import { STRATEGIES } from "../names";
import { authLabAdapter, oauthLifetimes } from "./adapter";
import { authConfig } from "./auth.config";
import {
  oauthSessionCookieName,
  oauthSessionCookieOptions,
  readOAuthSessionCookie,
} from "./cookie";
import { refreshProviderTokens } from "./accounts";
import { callbackContext } from "./callback-context";
import { recordIdTokenCheck, recordProfile } from "./flow-steps";
import { verifyIdToken } from "./id-token";
import { consumeIntent } from "./intent";
import { linkOutcome, reauthOutcome } from "../account/provider-callback";
import { isProviderId } from "@/lib/auth/names";
import { buildProviders } from "./providers";
import { findOAuthSession } from "./adapter";

// Auth.js with the Prisma adapter (lib/auth/oauth/adapter.ts) and database sessions, so sessions
// can be listed and revoked. Three rules of the app's own are enforced in the signIn callback,
// before Auth.js creates or links anything:
// 1. an OpenID Connect ID token's signature is verified against the provider's keys;
// 2. a provider is linked to a person only through a link intent bound to this very round's state
//    (made after a recent proof, lib/auth/oauth/intent.ts): the callback links it for that person
//    and ends there, creating no session at all; a re-proof intent likewise only refreshes the
//    proof of this browser's credentials;
// 3. no implicit linking: a new provider account never joins whoever this browser's Auth.js
//    session belongs to, and (no allowDangerousEmailAccountLinking) never joins an account just
//    because the email matches (OAuthAccountNotLinked).

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

const REFUSED = `${STRATEGIES.oauth.loginPath}?error=`;

/**
 * Refusals that are the app working as designed (a person told to link instead, a replayed or
 * forged callback): one line in the log, no stack trace. Anything else is a real error, logged
 * as its type, message and stack, never as the whole object: Auth.js attaches the callback's
 * parameters (code, state) and cookie values to it.
 */
const EXPECTED_REFUSALS = new Set(["OAuthAccountNotLinked", "AccessDenied", "InvalidCheck"]);
/** oauth4webapi's wording when a callback's state, nonce or PKCE check fails. */
const FAILED_CHECK = /unexpected "(state|nonce|iss)"|code_verifier|invalid_grant|pkce/i;

function logAuthError(error: Error) {
  const type = (error as Error & { type?: string }).type ?? error.name;
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  const reason = cause instanceof Error ? cause.message : error.message;
  if (EXPECTED_REFUSALS.has(type) || (type === "CallbackRouteError" && FAILED_CHECK.test(reason)))
    console.warn(`[auth] sign-in refused: ${type}${reason ? ` (${reason})` : ""}`);
  else console.error(`[auth] ${type}: ${reason}\n${error.stack ?? ""}`);
}

// Configured lazily, so `next build` needs no secrets, and once per process: every setting comes
// from the environment, which is read once (lib/env.ts), so rebuilding it (the adapter, the
// providers, the callbacks) for each request only cost time.
let config: NextAuthConfig | undefined;
const nextAuth = NextAuth(() => (config ??= authLabConfig()));

function authLabConfig(): NextAuthConfig {
  const env = getEnv();
  const lifetimes = oauthLifetimes();
  return {
    ...authConfig,
    secret: env.AUTH_SECRET,
    adapter: authLabAdapter(),
    providers: buildProviders(),
    session: {
      strategy: "database",
      maxAge: lifetimes.maxAgeSeconds,
      updateAge: Math.min(lifetimes.updateAgeSeconds, lifetimes.maxAgeSeconds),
    },
    useSecureCookies: isHttps(),
    logger: { error: logAuthError },
    // Our name (`__Host-` over HTTPS) and attributes, shared with the lab and lib/auth/oauth/cookie.ts.
    cookies: {
      sessionToken: { name: oauthSessionCookieName(), options: oauthSessionCookieOptions() },
    },
    callbacks: {
      ...authConfig.callbacks,
      async signIn({ account, profile }) {
        // Only the providers this app knows (buildProviders offers no other).
        if (!account || !isProviderId(account.provider)) return false;
        const provider = account.provider;
        let idTokenAuthTime: number | null = null;
        if (provider === "google") {
          const check = account.id_token
            ? await verifyIdToken(account.id_token, "google")
            : ({ ok: false, reason: "missing" } as const);
          recordIdTokenCheck(check);
          if (!check.ok) {
            await recordEvent({
              type: "id_token.rejected",
              strategy: "oauth",
              detail: { provider, reason: check.reason },
            });
            return `${REFUSED}IdTokenInvalid`;
          }
          idTokenAuthTime = check.claims.authTime;
        } else recordProfile(profile);

        // The proof this callback is: when the person really signed in at the provider (an ID
        // token's auth_time: a single sign-on that asked nothing is not a fresh proof), never
        // later than now. GitHub says nothing, so its round trip is the proof.
        const callback = callbackContext();
        const now = Date.now();
        const authTime = new Date(
          idTokenAuthTime === null ? now : Math.min(now, idTokenAuthTime * 1000),
        );
        callback.proof = { method: provider, authTime };

        const existing = await getDb().account.findUnique({
          where: {
            provider_providerAccountId: {
              provider,
              providerAccountId: account.providerAccountId,
            },
          },
          select: { userId: true },
        });
        const intent = await consumeIntent(callback.state, provider);
        if (intent?.purpose === "link") return linkOutcome(intent, account, existing);
        if (intent?.purpose === "reauth")
          // A re-proof with Google needs the ID token's auth_time (OIDC requires it when max_age
          // was sent): without it nothing says the person signed in just now. GitHub sends none
          // and ignores prompt=login, so its round trip is all the proof there is (README).
          return reauthOutcome(
            intent,
            existing,
            provider === "google" && idTokenAuthTime === null ? null : authTime,
          );

        if (!existing) {
          // Auth.js would link this new provider account to the person whose session this
          // browser holds. Linking takes a link intent (and its fresh proof), never a cookie.
          // The cookie is read by the one reader Auth.js agrees with (lib/auth/oauth/cookie.ts).
          const token = await readOAuthSessionCookie();
          if (token && (await findOAuthSession(token)))
            return `${STRATEGIES.oauth.protectedPaths[0]}?link=use-link`;
        }
        return true;
      },
      // What GET /api/auth/session tells any script on the page: who, and until when. Never the
      // session row itself: its token is the HttpOnly cookie's value.
      session({ session, user }) {
        return {
          user: { id: user.id, name: user.name, email: user.email, image: user.image },
          expires: session.expires,
        };
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        if (account && !isNewUser) await refreshProviderTokens(account);
        await recordEvent({
          type: "login.success",
          strategy: "oauth",
          userId: user.id ?? null,
          detail: { provider: account?.provider ?? "unknown", newUser: Boolean(isNewUser) },
        });
      },
      // Auth.js links an account only for a person its own sign-in just made (the linking
      // flow links in lib/auth/account/links.ts): a sign-up, logged as one.
      async linkAccount({ user, account }) {
        await recordEvent({
          type: "register",
          strategy: "oauth",
          userId: user.id ?? null,
          detail: { provider: account.provider },
        });
      },
    },
  };
}

export const { handlers, signIn } = nextAuth;
