import type { NextAuthConfig } from "next-auth";
import { STRATEGIES } from "@/lib/auth/names";
import { safeNextPath } from "@/lib/http/safe-redirect";

// The edge-safe half of the Auth.js configuration: no adapter, no database. Pages, redirects and
// cookie policy live here; lib/auth/oauth/auth.ts adds the adapter and providers.

export const authConfig = {
  pages: { signIn: STRATEGIES.oauth.loginPath, error: "/oauth/error" },
  // Behind Vercel (or any proxy) the public host comes from X-Forwarded-Host.
  trustHost: true,
  callbacks: {
    // After sign-in, only a path on this site: //evil.test, /\evil.test, https://evil.test,
    // javascript: and their encoded forms all land on the account page instead.
    redirect({ url, baseUrl }) {
      const fallback = `${baseUrl}/oauth/account`;
      if (url.startsWith("/")) return `${baseUrl}${safeNextPath(url, "/oauth/account")}`;
      try {
        const target = new URL(url);
        if (target.origin !== baseUrl) return fallback;
        return `${baseUrl}${safeNextPath(`${target.pathname}${target.search}`, "/oauth/account")}`;
      } catch {
        return fallback;
      }
    },
  },
} satisfies Omit<NextAuthConfig, "providers">;
