"use server";

import { redirect } from "next/navigation";
import { signOutSession } from "@/lib/auth/session/lifecycle";
import { currentRequestContext } from "@/lib/request-context";

export async function signOut(): Promise<void> {
  // Signing out needs no valid session: it clears whatever this browser holds.
  await signOutSession(await currentRequestContext());
  redirect("/session/login");
}
