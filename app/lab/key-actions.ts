"use server";

import { revalidatePath } from "next/cache";
import { renewAccessToken } from "@/lib/auth/account/this-browser";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { retireAllLabKeys } from "@/lib/auth/jwt/lab-keys";

/**
 * Retires every lab key of this browser's JWT sign-in, and gives this browser a new access token
 * signed with the configured key (the one it holds was signed with a key now retired).
 */
export async function backToConfiguredKey(): Promise<void> {
  const jwt = await getCurrentJwt();
  if (!jwt.ok) return;
  await retireAllLabKeys(jwt.claims.fam);
  await renewAccessToken(jwt.claims.fam, jwt.user.id);
  revalidatePath("/lab");
}
