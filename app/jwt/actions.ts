"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOutEverywhere } from "@/lib/auth/account/everywhere";
import { requireRecentProof } from "@/lib/auth/account/recent-proof";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { revokeFamily } from "@/lib/auth/jwt/refresh";
import { STRATEGIES } from "@/lib/auth/names";
import { getStrategy } from "@/lib/auth/strategies";
import { textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";

export async function signOutJwt(): Promise<void> {
  await getStrategy("jwt").signOut(await currentRequestContext());
  redirect(STRATEGIES.jwt.loginPath);
}

export async function signOutEverywhereJwt(): Promise<void> {
  const browser = await requireRecentProof("sign-out-everywhere", STRATEGIES.jwt.href, {
    via: "jwt",
  });
  redirect(await signOutEverywhere(browser, "jwt", await currentRequestContext()));
}

export async function revokeFamilyAction(formData: FormData): Promise<void> {
  const auth = await getCurrentJwt();
  if (!auth.ok) redirect(`${STRATEGIES.jwt.loginPath}?next=/jwt/tokens`);
  const familyId = textField(formData, "family").slice(0, 64);
  // Ending another device's sign-in is a sensitive action; ending this one's is signing out.
  if (familyId !== auth.claims.fam) await requireRecentProof("end-credential", "/jwt/tokens");
  await revokeFamily(familyId, auth.user.id, "revoked_by_user", await currentRequestContext());
  revalidatePath("/jwt/tokens");
}
