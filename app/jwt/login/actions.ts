"use server";

import { setTokenCookies } from "@/lib/auth/jwt/cookies";
import { issueTokenPair } from "@/lib/auth/jwt/lifecycle";
import { signInFromForm, type SignInFormState } from "@/lib/auth/sign-in-form";

export async function signInWithJwt(
  _prev: SignInFormState,
  formData: FormData,
): Promise<SignInFormState> {
  return signInFromForm(
    "jwt",
    formData,
    async (user, context) => {
      const pair = await issueTokenPair(user.id, user.provenance, context);
      await setTokenCookies(pair.accessToken, pair.refreshToken, pair.familyExpiresAt);
    },
    "/jwt",
  );
}
