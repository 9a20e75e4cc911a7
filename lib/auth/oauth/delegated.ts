import "server-only";
import { getDb } from "@/lib/db";
import { unseal } from "../secret-box";
import { PROVIDER_TOKEN_PURPOSE } from "./adapter";
import { getEnv } from "@/lib/env";
import { localIdpUrls } from "./local-idp";
import { providerInfo } from "./providers";
import { type ProviderId } from "@/lib/auth/names";

// OAuth is authorization: with the token the person granted, the server calls the provider's
// API on their behalf. The token is read from the database and decrypted here, and never leaves
// the server.

export type DelegatedCall =
  | { ok: true; provider: ProviderId; endpoint: string; status: number; data: unknown }
  | { ok: false; provider: ProviderId; endpoint: string; message: string };

function endpointFor(provider: ProviderId): string {
  const local = providerInfo().find((info) => info.id === provider)?.local ?? true;
  const urls = localIdpUrls(getEnv().OAUTH_LOCAL_IDP_URL);
  if (provider === "github")
    return local ? `${urls.githubBase}/api/v3/user/repos` : "https://api.github.com/user/repos";
  return local ? `${urls.googleIssuer}/me` : "https://openidconnect.googleapis.com/v1/userinfo";
}

export async function callProviderApi(
  userId: string,
  provider: ProviderId,
): Promise<DelegatedCall> {
  const endpoint = endpointFor(provider);
  const account = await getDb().account.findFirst({
    where: { userId, provider },
    select: { access_token: true },
  });
  const accessToken = unseal(account?.access_token, PROVIDER_TOKEN_PURPOSE);
  if (!accessToken)
    return {
      ok: false,
      provider,
      endpoint,
      message: "No token: sign in with this provider again.",
    };
  try {
    const response = await fetch(endpoint, {
      headers: {
        Authorization: `Bearer ${accessToken}`,
        Accept: "application/json",
        "User-Agent": "auth-lab",
      },
      signal: AbortSignal.timeout(5000),
      cache: "no-store",
    });
    if (!response.ok)
      return {
        ok: false,
        provider,
        endpoint,
        message: `The provider answered ${response.status}.`,
      };
    return { ok: true, provider, endpoint, status: response.status, data: await response.json() };
  } catch {
    return { ok: false, provider, endpoint, message: "The provider could not be reached." };
  }
}
