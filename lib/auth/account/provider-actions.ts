import "server-only";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { currentRequestContext } from "@/lib/request-context";
import { unlinkAccount } from "./links";
import { type ProviderId } from "@/lib/auth/names";
import { startProviderSignIn } from "../oauth/start";
import { reissueThisBrowser } from "./reissue";
import { type SignedInBrowser, strategyOfProof } from "./this-browser";

// Linking and unlinking, for a browser that has already shown a recent proof: the buttons call
// these after requireRecentProof, and the confirmation page calls them straight after a re-proof,
// so the person doesn't press the button twice.

/** Off to the provider, with a single-use link intent bound to that round. */
export async function linkNow(
  browser: SignedInBrowser,
  provider: ProviderId,
  back: string,
): Promise<never> {
  return startProviderSignIn(provider, back, {
    purpose: "link",
    userId: browser.user.id,
    epoch: browser.proof.epoch,
    proof: browser.proof.method,
    fromCredential: strategyOfProof(browser),
    returnTo: back,
  });
}

/** Unlinks, ends every other credential of the person (this browser's stay), and says so. */
export async function unlinkNow(
  browser: SignedInBrowser,
  provider: string,
  back: string,
): Promise<never> {
  const context = await currentRequestContext();
  const result = await unlinkAccount(browser.user.id, provider, context);
  revalidatePath(back);
  if (!result.ok) redirect(`${back}?unlink=${result.reason}`);
  // Every credential ended, this browser's too: it gets new ones, under the new epoch.
  await reissueThisBrowser(browser, { ...browser.proof, epoch: result.ended.epoch }, context);
  redirect(`${back}?unlinked=${provider}`);
}
