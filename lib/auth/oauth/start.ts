import "server-only";
import { redirect } from "next/navigation";
import { signIn } from "./auth";
import { currentRequestContext } from "@/lib/request-context";
import { startFlowLog } from "./flow-log";
import { type NewIntent, recordIntent } from "./intent";
import { type ProviderId } from "@/lib/auth/names";

/**
 * Sends the browser to the provider, as Auth.js's signIn would, after opening the step log of
 * this sign-in with the authorization request it is about to make. With an intent (a link, a
 * re-proof), the intent is bound to this very round's `state` first; a re-proof also asks the
 * provider to make the person sign in again now (prompt=login, and OpenID Connect's max_age=0
 * where the provider speaks it), rather than answer from an old single sign-on.
 */
export async function startProviderSignIn(
  provider: ProviderId,
  redirectTo: string,
  intent?: NewIntent,
): Promise<never> {
  redirect(await authorizationUrl(provider, redirectTo, intent));
}

/** The same, for a route handler that answers with the address instead of redirecting. */
export async function authorizationUrl(
  provider: ProviderId,
  redirectTo: string,
  intent?: NewIntent,
): Promise<string> {
  // max_age is OpenID Connect's (the ID token's auth_time answers it): for Google only. GitHub is
  // plain OAuth 2; the real one ignores it, the local one refuses a request carrying it.
  const params =
    intent?.purpose === "reauth"
      ? { prompt: "login", ...(provider === "google" ? { max_age: "0" } : {}) }
      : undefined;
  const url: unknown = await signIn(provider, { redirectTo, redirect: false }, params);
  if (typeof url !== "string") throw new Error("Auth.js returned no authorization URL");
  // Auth.js answers with its own error page's URL when it can't start (a provider misconfigured).
  const parsed = new URL(url, "http://x");
  if (parsed.pathname.startsWith("/api/auth/")) return url;
  if (intent) {
    const state = parsed.searchParams.get("state");
    if (!state) throw new Error("The authorization request carries no state");
    await recordIntent(state, provider, intent);
  }
  await startFlowLog(provider, url, (await currentRequestContext()).ip);
  return url;
}
