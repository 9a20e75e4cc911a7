"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clearTokenCookies, readAccessCookie } from "@/lib/auth/jwt/cookies";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { signOutEverywhere, signOutWithAccessToken } from "@/lib/auth/jwt/lifecycle";
import { revokeFamily } from "@/lib/auth/jwt/refresh";
import { textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";
import { STRATEGIES } from "@/lib/auth/names";

export async function signOutJwt(): Promise<void> {
  const token = await readAccessCookie();
  if (token) await signOutWithAccessToken(token, await currentRequestContext());
  await clearTokenCookies();
  redirect(STRATEGIES.jwt.loginPath);
}

export async function signOutEverywhereJwt(): Promise<void> {
  const auth = await getCurrentJwt();
  if (auth.ok) await signOutEverywhere(auth.user.id, await currentRequestContext());
  await clearTokenCookies();
  redirect(STRATEGIES.jwt.loginPath);
}

export async function revokeFamilyAction(formData: FormData): Promise<void> {
  const auth = await getCurrentJwt();
  if (!auth.ok) redirect("/jwt/login?next=/jwt/tokens");
  const familyId = textField(formData, "family").slice(0, 64);
  await revokeFamily(familyId, auth.user.id, "revoked_by_user", await currentRequestContext());
  revalidatePath("/jwt/tokens");
}
