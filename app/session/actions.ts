"use server";

import { redirect } from "next/navigation";
import { signOutSession } from "@/lib/auth/session/lifecycle";
import { currentRequestContext } from "@/lib/request-context";
import { STRATEGIES } from "@/lib/auth/names";

export async function signOut(): Promise<void> {
  // Signing out needs no valid session: it clears whatever this browser holds.
  await signOutSession(await currentRequestContext());
  redirect(STRATEGIES.session.loginPath);
}
