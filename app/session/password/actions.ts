"use server";

import { endedSentence } from "@/lib/auth/account/ended";
import { changePassword, type PasswordChangeField } from "@/lib/auth/password-change";
import { requireSession } from "@/lib/auth/session/guard";
import { type FormState, textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";

export type PasswordState = FormState<PasswordChangeField>;

export async function changePasswordAction(
  _prev: PasswordState,
  formData: FormData,
): Promise<PasswordState> {
  const { user } = await requireSession("/session/password");
  const result = await changePassword(
    user.id,
    {
      currentPassword: textField(formData, "currentPassword"),
      newPassword: textField(formData, "newPassword"),
    },
    "session",
    await currentRequestContext(),
  );
  if (!result.ok)
    return {
      status: "error",
      message: "The password was not changed.",
      fieldErrors: result.fieldErrors,
    };
  return {
    status: "success",
    message: `Password changed. ${endedSentence(result.ended, "everywhere else")} This browser stays signed in.`,
  };
}
