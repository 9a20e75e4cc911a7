"use server";

import { redirect } from "next/navigation";
import { STRATEGIES } from "@/lib/auth/names";
import { getStrategy } from "@/lib/auth/strategies";
import { currentRequestContext } from "@/lib/request-context";

export async function signOut(): Promise<void> {
  // Signing out needs no valid session: it clears whatever this browser holds.
  await getStrategy("session").signOut(await currentRequestContext());
  redirect(STRATEGIES.session.loginPath);
}
