"use server";

import { redirect } from "next/navigation";
import { setTokenCookies } from "@/lib/auth/jwt/cookies";
import { issueTokenPair } from "@/lib/auth/jwt/lifecycle";
import {
  checkCredentials,
  INVALID_CREDENTIALS_MESSAGE,
  throttledMessage,
} from "@/lib/auth/sign-in";
import { type FormState, textField } from "@/lib/form-state";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";

export type JwtLoginState = FormState<"email" | "password">;

export async function signInWithJwt(
  _prev: JwtLoginState,
  formData: FormData,
): Promise<JwtLoginState> {
  const email = textField(formData, "email");
  const context = await currentRequestContext();
  const result = await checkCredentials(
    { email, password: textField(formData, "password") },
    "jwt",
    context,
  );
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? throttledMessage(result.retryAfterSeconds)
        : INVALID_CREDENTIALS_MESSAGE;
    return { status: "error", message, values: { email: email.slice(0, 300) } };
  }
  const pair = await issueTokenPair(result.user, context);
  await setTokenCookies(pair.accessToken, pair.refreshToken, pair.familyExpiresAt);
  redirect(safeNextPath(formData.get("next"), "/jwt"));
}
