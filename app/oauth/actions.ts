"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRecentProof } from "@/lib/auth/account/recent-proof";
import { signOutEverywhere } from "@/lib/auth/account/everywhere";
import { linkNow, unlinkNow } from "@/lib/auth/account/provider-actions";
import { STRATEGIES } from "@/lib/auth/names";
import { startProviderSignIn } from "@/lib/auth/oauth/start";
import { getStrategy } from "@/lib/auth/strategies";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";

const providerSchema = z.enum(["google", "github"]);
const ACCOUNT = STRATEGIES.oauth.protectedPaths[0];
const LINK_PAGE = "/oauth/link";
/** The pages that offer linking and unlinking: where to come back to. */
const returnPage = (formData: FormData) =>
  formData.get("from") === "password"
    ? LINK_PAGE
    : formData.get("from") === "account"
      ? "/account"
      : ACCOUNT;

/** Sign in with a provider. */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(STRATEGIES.oauth.loginPath);
  await startProviderSignIn(provider.data, safeNextPath(formData.get("next"), ACCOUNT));
}

/**
 * Links a provider to the person this browser is signed in as, whichever way: a recent proof
 * first (else the confirmation page, which carries on from here once the person has confirmed),
 * then a single-use intent bound to this very provider round, then the provider's own sign-in.
 */
export async function startLink(formData: FormData): Promise<void> {
  const back = returnPage(formData);
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(back);
  const browser = await requireRecentProof("link", back, { provider: provider.data });
  await linkNow(browser, provider.data, back);
}

/**
 * Unlinks a provider (after a recent proof) and ends every other credential of the person:
 * sessions made through it go too. This browser stays signed in.
 */
export async function unlinkProvider(formData: FormData): Promise<void> {
  const back = returnPage(formData);
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(`${back}?unlink=not_linked`);
  const browser = await requireRecentProof("unlink", back, { provider: provider.data });
  await unlinkNow(browser, provider.data, back);
}

export async function signOutOAuth(): Promise<void> {
  await getStrategy("oauth").signOut(await currentRequestContext());
  // The sign-in page then explains that the provider still remembers this browser.
  redirect(`${STRATEGIES.oauth.loginPath}?signed-out=1`);
}

export async function signOutEverywhereOAuth(): Promise<void> {
  const browser = await requireRecentProof("sign-out-everywhere", ACCOUNT, { via: "oauth" });
  redirect(await signOutEverywhere(browser, "oauth", await currentRequestContext()));
}
