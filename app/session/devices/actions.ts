"use server";

import { redirect } from "next/navigation";
import { revokeDevice } from "@/lib/auth/session/devices";
import { requireSession } from "@/lib/auth/session/guard";
import { revokeAllSessions } from "@/lib/auth/session/lifecycle";
import { textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";
import { revalidatePath } from "next/cache";
import { STRATEGIES } from "@/lib/auth/names";

const DEVICES = "/session/devices";

export async function revokeDeviceAction(formData: FormData): Promise<void> {
  const { user } = await requireSession(DEVICES);
  await revokeDevice(user.id, textField(formData, "handle"), await currentRequestContext());
  revalidatePath(DEVICES);
}

export async function signOutOthersAction(): Promise<void> {
  const { user, session } = await requireSession(DEVICES);
  await revokeAllSessions(user.id, session, "others", await currentRequestContext());
  revalidatePath(DEVICES);
}

export async function signOutEverywhereAction(): Promise<void> {
  const { user, session } = await requireSession(DEVICES);
  await revokeAllSessions(user.id, session, "all", await currentRequestContext());
  redirect(STRATEGIES.session.loginPath);
}
