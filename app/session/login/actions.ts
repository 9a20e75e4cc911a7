"use server";

import { redirect } from "next/navigation";
import { startSession } from "@/lib/auth/session/lifecycle";
import {
  checkCredentials,
  INVALID_CREDENTIALS_MESSAGE,
  throttledMessage,
} from "@/lib/auth/sign-in";
import { type FormState, textField } from "@/lib/form-state";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";

export type SessionLoginState = FormState<"email" | "password">;

export async function signInWithSession(
  _prev: SessionLoginState,
  formData: FormData,
): Promise<SessionLoginState> {
  const email = textField(formData, "email");
  const context = await currentRequestContext();
  const result = await checkCredentials(
    { email, password: textField(formData, "password") },
    "session",
    context,
  );
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? throttledMessage(result.retryAfterSeconds)
        : INVALID_CREDENTIALS_MESSAGE;
    return { status: "error", message, values: { email: email.slice(0, 300) } };
  }
  await startSession(result.user.id, context);
  redirect(safeNextPath(formData.get("next"), "/session"));
}
