"use server";

import { redirect } from "next/navigation";
import { endEveryCredential } from "@/lib/auth/account/revoke-all";
import { credentialsOfThisBrowser } from "@/lib/auth/account/this-browser";
import { clearTokenCookies } from "@/lib/auth/jwt/cookies";
import { clearOAuthSessionCookie } from "@/lib/auth/oauth/cookie";
import { forgetFlowDetails } from "@/lib/auth/oauth/flow-log";
import { deleteSessionCookie } from "@/lib/auth/session/cookie";
import { getStrategy, strategyIdSchema } from "@/lib/auth/strategies";
import { currentRequestContext } from "@/lib/request-context";

/**
 * "Sign out everywhere, every strategy": the person this browser is signed in as (under the
 * strategy whose page asked) loses every credential under all three, here too.
 */
export async function signOutEverywhereEveryStrategy(formData: FormData): Promise<void> {
  const via = strategyIdSchema.safeParse(formData.get("via"));
  const person = via.success ? await getStrategy(via.data).peekUser() : null;
  if (!person) redirect("/");
  // This browser's own credentials of this person, so their cookies can go too.
  const here = await credentialsOfThisBrowser(person.id);
  await endEveryCredential(person.id, {
    reason: "signed_out_everywhere",
    context: await currentRequestContext(),
  });
  await Promise.all([
    here.session ? deleteSessionCookie() : null,
    here.family ? clearTokenCookies() : null,
    here.oauthSession ? clearOAuthSessionCookie() : null,
    forgetFlowDetails(),
  ]);
  redirect("/?signed-out=everywhere");
}
