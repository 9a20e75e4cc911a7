"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRecentProof } from "@/lib/auth/account/recent-proof";
import { reissueThisBrowser } from "@/lib/auth/account/reissue";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { removePasskey, renamePasskey } from "@/lib/auth/passkey/passkeys";
import { passkeyNameSchema } from "@/lib/auth/passkey/schemas";
import { currentRequestContext } from "@/lib/request-context";

const MANAGE = "/passkey/manage";
const idSchema = z.string().min(1).max(64);

export async function renamePasskeyAction(formData: FormData): Promise<void> {
  const id = idSchema.safeParse(formData.get("id"));
  const name = passkeyNameSchema.safeParse(formData.get("name"));
  const browser = await thisBrowser();
  if (browser.state !== "signed-in") redirect(`/passkey?next=${MANAGE}`);
  if (!id.success || !name.success) redirect(`${MANAGE}?problem=name`);
  await renamePasskey(browser.user.id, id.data, name.data, await currentRequestContext());
  revalidatePath(MANAGE);
  redirect(`${MANAGE}?renamed=1`);
}

/**
 * Removing a passkey needs a recent proof, and ends every credential of the person (a session
 * made with it must not outlive it); this browser is given new ones under the new epoch.
 */
export async function removePasskeyAction(formData: FormData): Promise<void> {
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) redirect(MANAGE);
  const browser = await requireRecentProof("remove-passkey", MANAGE);
  const context = await currentRequestContext();
  const result = await removePasskey(browser.user.id, id.data, context);
  revalidatePath(MANAGE);
  if (!result.ok) redirect(`${MANAGE}?problem=${result.reason}`);
  await reissueThisBrowser(browser, { ...browser.proof, epoch: result.ended.epoch }, context);
  redirect(`${MANAGE}?removed=1`);
}
