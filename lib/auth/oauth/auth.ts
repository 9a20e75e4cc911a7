import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getEnv, isHttps } from "@/lib/env";
import { recordEvent } from "../events";
import { authConfig } from "./auth.config";
import { oauthSessionCookieName, oauthSessionCookieOptions } from "./cookie";
import { buildProviders } from "./providers";

// Auth.js with the Prisma adapter and database sessions, so sessions can be listed and revoked.
// No allowDangerousEmailAccountLinking: a provider email that matches an existing account is
// refused (OAuthAccountNotLinked) until the person links it while signed in.

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

// Configured per request (lazily), so `next build` needs no secrets.
const nextAuth = NextAuth(() => {
  const env = getEnv();
  return {
    ...authConfig,
    secret: env.AUTH_SECRET,
    adapter: PrismaAdapter(getDb() as unknown as Parameters<typeof PrismaAdapter>[0]),
    providers: buildProviders(),
    session: {
      strategy: "database",
      maxAge: env.OAUTH_SESSION_MAX_AGE_SECONDS,
      updateAge: 60 * 60,
    },
    useSecureCookies: isHttps(),
    // Our name (`__Host-` over HTTPS) and attributes, shared with the lab and lib/auth/oauth/cookie.ts.
    cookies: {
      sessionToken: { name: oauthSessionCookieName(), options: oauthSessionCookieOptions() },
    },
    callbacks: {
      ...authConfig.callbacks,
      session({ session, user }) {
        return {
          ...session,
          user: { id: user.id, name: user.name, email: user.email, image: user.image },
        };
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        await recordEvent({
          type: "login.success",
          strategy: "oauth",
          userId: user.id ?? null,
          detail: { provider: account?.provider ?? "unknown", newUser: Boolean(isNewUser) },
        });
      },
      async linkAccount({ user, account }) {
        await recordEvent({
          type: "account.linked",
          strategy: "oauth",
          userId: user.id ?? null,
          detail: { provider: account.provider },
        });
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        if (userId) await recordEvent({ type: "logout", strategy: "oauth", userId });
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;

/** The Auth.js session, once per request for pages and actions. */
export const auth = cache(() => nextAuth.auth());
