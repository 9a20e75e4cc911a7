"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { removePasskeyNow } from "@/lib/auth/account/passkey-actions";
import { requireRecentProof } from "@/lib/auth/account/recent-proof";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { renamePasskey } from "@/lib/auth/passkey/passkeys";
import { passkeyIdSchema, passkeyNameSchema } from "@/lib/auth/passkey/schemas";
import { currentRequestContext } from "@/lib/request-context";

const MANAGE = "/passkey/manage";

export async function renamePasskeyAction(formData: FormData): Promise<void> {
  const id = passkeyIdSchema.safeParse(formData.get("id"));
  const name = passkeyNameSchema.safeParse(formData.get("name"));
  const browser = await thisBrowser();
  if (browser.state !== "signed-in") redirect(`/passkey?next=${MANAGE}`);
  if (!id.success || !name.success) redirect(`${MANAGE}?problem=name`);
  await renamePasskey(browser.user.id, id.data, name.data, await currentRequestContext());
  revalidatePath(MANAGE);
  redirect(`${MANAGE}?renamed=1`);
}

/**
 * Removing a passkey needs a recent proof (the confirmation page carries on with the removal once
 * it has one), and ends every credential of the person: a session made with it must not outlive it.
 */
export async function removePasskeyAction(formData: FormData): Promise<void> {
  const id = passkeyIdSchema.safeParse(formData.get("id"));
  if (!id.success) redirect(MANAGE);
  const browser = await requireRecentProof("remove-passkey", MANAGE, { passkey: id.data });
  await removePasskeyNow(browser, id.data, MANAGE);
}
