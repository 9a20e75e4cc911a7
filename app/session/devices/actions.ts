"use server";

import { redirect } from "next/navigation";
import { signOutEverywhere } from "@/lib/auth/account/everywhere";
import { requireRecentProof } from "@/lib/auth/account/recent-proof";
import { revokeDevice } from "@/lib/auth/session/devices";
import { requireSession } from "@/lib/auth/session/guard";
import { textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";
import { revalidatePath } from "next/cache";

const DEVICES = "/session/devices";

export async function revokeDeviceAction(formData: FormData): Promise<void> {
  const { user, session } = await requireSession(DEVICES);
  const handle = textField(formData, "handle");
  if (!session.id.startsWith(handle)) await requireRecentProof("end-credential", DEVICES);
  await revokeDevice(user.id, handle, await currentRequestContext());
  revalidatePath(DEVICES);
}

export async function signOutOthersAction(): Promise<void> {
  await requireSession(DEVICES);
  const browser = await requireRecentProof("sign-out-everywhere", DEVICES, {
    via: "session-others",
  });
  const next = await signOutEverywhere(browser, "session-others", await currentRequestContext());
  revalidatePath(DEVICES);
  redirect(next);
}

export async function signOutEverywhereAction(): Promise<void> {
  await requireSession(DEVICES);
  const browser = await requireRecentProof("sign-out-everywhere", DEVICES, { via: "session" });
  redirect(await signOutEverywhere(browser, "session", await currentRequestContext()));
}
