import "server-only";
import { customFetch } from "next-auth";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { type ProviderId, PROVIDERS } from "@/lib/auth/names";
import { getEnv } from "@/lib/env";
import { recordingFetch } from "./flow-recording";
import { LOCAL_CLIENTS, localIdpUrls } from "./local-idp";

// Real Google and GitHub when their client id and secret are configured; otherwise the local
// identity provider (scripts/idp), so a fresh clone can sign in with no registered apps. In
// production a provider with no credentials is off (the local one stands in only with
// OAUTH_ALLOW_LOCAL_IDP=true, where the deployment can reach it: lib/env-rules.ts), and with both
// off the app serves sessions and JWTs, and says OAuth is not configured on this deployment.

export type ProviderInfo = { id: ProviderId; name: string; local: boolean };

/** The providers this deployment offers: configured ones, and the local stand-in where allowed. */
export function providerInfo(): ProviderInfo[] {
  const env = getEnv();
  const localAllowed = env.NODE_ENV !== "production" || env.OAUTH_ALLOW_LOCAL_IDP === "true";
  const all: ProviderInfo[] = [
    {
      id: "google",
      name: PROVIDERS.google,
      local: !(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
    },
    {
      id: "github",
      name: PROVIDERS.github,
      local: !(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
    },
  ];
  return all.filter((provider) => !provider.local || localAllowed);
}

/**
 * Is the local identity provider answering? It runs beside the app (`npm run dev` starts it;
 * `npm run idp` beside `npm start`): when it doesn't, a provider sign-in can only fail, and the
 * pages and experiments say why instead. Null where no provider is the local one.
 */
export async function localProviderReachable(): Promise<boolean | null> {
  if (!providerInfo().some((provider) => provider.local)) return null;
  const { googleIssuer } = localIdpUrls(getEnv().OAUTH_LOCAL_IDP_URL);
  return fetch(`${googleIssuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(1000),
    cache: "no-store",
  }).then(
    (response) => response.ok,
    () => false,
  );
}

/** Does this deployment offer any provider sign-in at all? */
export const oauthConfigured = () => providerInfo().length > 0;

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

/**
 * Where to sign out at the provider itself. The local one supports OpenID Connect's RP-initiated
 * logout and comes back to the sign-in page; the real ones have their own sign-out pages.
 */
export function providerSignOutUrl(provider: ProviderId): string {
  const { issuer, clientId, local } = providerClient(provider);
  if (!local)
    return provider === "google"
      ? "https://accounts.google.com/Logout"
      : "https://github.com/logout";
  const url = new URL(`${issuer}/session/end`);
  url.searchParams.set("client_id", clientId);
  url.searchParams.set(
    "post_logout_redirect_uri",
    new URL(`/oauth/login?signed-out-at=${provider}`, getEnv().APP_URL).href,
  );
  return url.href;
}

export function buildProviders(): Provider[] {
  const env = getEnv();
  const local = localIdpUrls(env.OAUTH_LOCAL_IDP_URL);
  const offered = providerInfo();
  const google = offered.find((info) => info.id === "google");
  const github = offered.find((info) => info.id === "github");
  const providers: Provider[] = [];
  if (google)
    providers.push(
      Google({
        // OpenID Connect: the ID token's nonce binds it to this browser's sign-in.
        checks: ["pkce", "state", "nonce"],
        // The step log records the requests Auth.js makes to the provider (lib/auth/oauth/flow-log.ts).
        [customFetch]: recordingFetch,
        authorization: { params: { scope: "openid email profile" } },
        ...(google.local
          ? { issuer: local.googleIssuer, ...LOCAL_CLIENTS.google }
          : { clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }),
      }),
    );
  if (github)
    providers.push(
      GitHub({
        checks: ["pkce", "state"],
        [customFetch]: recordingFetch,
        ...(github.local
          ? { enterprise: { baseUrl: local.githubBase }, ...LOCAL_CLIENTS.github }
          : { clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }),
      }),
    );
  return providers;
}
