import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentRequestContext } from "@/lib/request-context";
import { removePasskey } from "../passkey/passkeys";
import { reissueThisBrowser } from "./reissue";
import type { SignedInBrowser } from "./this-browser";

// Removing a passkey, for a browser that has already shown a recent proof: the manage page's
// button calls it after requireRecentProof, and the confirmation page straight after a re-proof.

/** Removes it, ends every other credential of the person (this browser's stay), and says so. */
export async function removePasskeyNow(
  browser: SignedInBrowser,
  passkeyId: string,
  back: string,
): Promise<never> {
  const context = await currentRequestContext();
  const result = await removePasskey(browser.user.id, passkeyId, context);
  revalidatePath(back);
  if (!result.ok) redirect(`${back}?problem=${result.reason}`);
  // Every credential ended, this browser's too: it gets new ones, under the new epoch.
  await reissueThisBrowser(browser, { ...browser.proof, epoch: result.ended.epoch }, context);
  redirect(`${back}?removed=1`);
}
