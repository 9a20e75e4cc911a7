"use server";

import { redirect } from "next/navigation";
import { createDemoPerson, demoTokens } from "@/lib/auth/demo";
import { demoSignInOn } from "@/lib/env";
import { setTokenCookies } from "@/lib/auth/jwt/cookies";
import { startSession } from "@/lib/auth/session/lifecycle";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";

/** One click: a throwaway person, signed in with a server session and a JWT pair at once. */
export async function startAsDemoPerson(formData: FormData): Promise<void> {
  const next = safeNextPath(formData.get("next"), "/tour");
  if (!demoSignInOn()) redirect("/register");
  const context = await currentRequestContext();
  const made = await createDemoPerson(context);
  if (!made.ok) redirect(`/tour?demo=busy`);
  await startSession(made.person, made.person.provenance, context);
  const pair = await demoTokens(made.person, context);
  await setTokenCookies(pair.accessToken, pair.refreshToken, pair.familyExpiresAt);
  redirect(next);
}
