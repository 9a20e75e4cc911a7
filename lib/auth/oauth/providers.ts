import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getEnv } from "@/lib/env";
import { LOCAL_CLIENTS, localIdpUrls } from "./local-idp";

// Real Google and GitHub when their client id and secret are configured; otherwise the local
// identity provider (scripts/idp), so a fresh clone can sign in with no registered apps. In
// production the local provider needs OAUTH_ALLOW_LOCAL_IDP=true (lib/env.ts refuses otherwise).

export type ProviderId = "google" | "github";
export type ProviderInfo = { id: ProviderId; name: string; local: boolean };

export const PROVIDER_NAMES: Record<ProviderId, string> = { google: "Google", github: "GitHub" };

export function providerInfo(): ProviderInfo[] {
  const env = getEnv();
  return [
    { id: "google", name: "Google", local: !(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) },
    { id: "github", name: "GitHub", local: !(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) },
  ];
}

/** Who issues the provider's tokens, and the client id they are issued to. */
export function providerClient(provider: ProviderId): {
  issuer: string;
  clientId: string;
  local: boolean;
} {
  const env = getEnv();
  const local = providerInfo().find((info) => info.id === provider)?.local ?? true;
  const urls = localIdpUrls(env.OAUTH_LOCAL_IDP_URL);
  if (provider === "google")
    return local
      ? { issuer: urls.googleIssuer, clientId: LOCAL_CLIENTS.google.clientId, local }
      : { issuer: "https://accounts.google.com", clientId: env.AUTH_GOOGLE_ID ?? "", local };
  return local
    ? { issuer: `${urls.githubBase}/login/oauth`, clientId: LOCAL_CLIENTS.github.clientId, local }
    : { issuer: "https://github.com", clientId: env.AUTH_GITHUB_ID ?? "", local };
}

export function buildProviders(): Provider[] {
  const env = getEnv();
  const local = localIdpUrls(env.OAUTH_LOCAL_IDP_URL);
  const [google, github] = providerInfo();
  return [
    Google({
      // OpenID Connect: the ID token's nonce binds it to this browser's sign-in.
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      ...(google?.local
        ? { issuer: local.googleIssuer, ...LOCAL_CLIENTS.google }
        : { clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }),
    }),
    GitHub({
      checks: ["pkce", "state"],
      ...(github?.local
        ? { enterprise: { baseUrl: local.githubBase }, ...LOCAL_CLIENTS.github }
        : { clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }),
    }),
  ];
}
