"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { unlinkAccount, revokeOAuthSessions } from "@/lib/auth/oauth/accounts";
import { auth, signIn, signOut } from "@/lib/auth/oauth/auth";
import { readOAuthSessionCookie } from "@/lib/auth/oauth/cookie";
import { startLinkSession } from "@/lib/auth/oauth/link";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { textField } from "@/lib/form-state";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";
import { revalidatePath } from "next/cache";
import { STRATEGIES } from "@/lib/auth/names";

const providerSchema = z.enum(["google", "github"]);

/** Sign in (or, when already signed in with Auth.js, link another provider). */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect(STRATEGIES.oauth.loginPath);
  await signIn(provider.data, { redirectTo: safeNextPath(formData.get("next"), "/oauth/account") });
}

/** Link a provider to the password account this browser is signed in to (session or JWT). */
export async function linkToPasswordAccount(formData: FormData): Promise<void> {
  const provider = providerSchema.safeParse(formData.get("provider"));
  if (!provider.success) redirect("/oauth/account");
  const session = await getCurrentSession();
  const jwt = await getCurrentJwt();
  const userId = session.user?.id ?? (jwt.ok ? jwt.user.id : null);
  if (!userId) redirect("/oauth/link");
  if (!(await auth())?.user) await startLinkSession(userId);
  await signIn(provider.data, { redirectTo: "/oauth/account" });
}

export async function unlinkProvider(formData: FormData): Promise<void> {
  const session = await auth();
  if (!session?.user) redirect(STRATEGIES.oauth.loginPath);
  const result = await unlinkAccount(
    session.user.id,
    textField(formData, "provider"),
    await currentRequestContext(),
  );
  revalidatePath("/oauth/account");
  if (!result.ok) redirect(`/oauth/account?unlink=${result.reason}`);
}

export async function signOutOAuth(): Promise<void> {
  await signOut({ redirectTo: STRATEGIES.oauth.loginPath });
}

export async function signOutEverywhereOAuth(): Promise<void> {
  const session = await auth();
  const current = await readOAuthSessionCookie();
  if (session?.user)
    await revokeOAuthSessions(session.user.id, await currentRequestContext(), current);
  await signOut({ redirectTo: STRATEGIES.oauth.loginPath });
}
