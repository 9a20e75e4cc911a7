import "server-only";
import { redirect } from "next/navigation";
import { signIn } from "./auth";
import { currentRequestContext } from "@/lib/request-context";
import { startFlowLog } from "./flow-log";
import type { ProviderId } from "./providers";

/**
 * Sends the browser to the provider, as Auth.js's signIn would, after opening the step log of
 * this sign-in with the authorization request it is about to make.
 */
export async function startProviderSignIn(
  provider: ProviderId,
  redirectTo: string,
): Promise<never> {
  const url: unknown = await signIn(provider, { redirectTo, redirect: false });
  if (typeof url !== "string") throw new Error("Auth.js returned no authorization URL");
  // Auth.js answers with its own error page's URL when it can't start (a provider misconfigured).
  if (new URL(url, "http://x").pathname.startsWith("/api/auth/")) redirect(url);
  await startFlowLog(provider, url, (await currentRequestContext()).ip);
  redirect(url);
}
