"use server";

import { startSession } from "@/lib/auth/session/lifecycle";
import { signInFromForm, type SignInFormState } from "@/lib/auth/sign-in-form";

export async function signInWithSession(
  _prev: SignInFormState,
  formData: FormData,
): Promise<SignInFormState> {
  return signInFromForm(
    "session",
    formData,
    (user, context) => startSession(user, user.provenance, context),
    "/session",
  );
}
