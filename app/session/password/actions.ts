"use server";

import { changePassword, type PasswordChangeField } from "@/lib/auth/password-change";
import { requireSession } from "@/lib/auth/session/guard";
import { type FormState, textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";

export type PasswordState = FormState<PasswordChangeField>;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

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
  const { sessions, families, oauthSessions } = result.ended;
  return {
    status: "success",
    message: `Password changed. Signed out everywhere else: ${plural(sessions, "server session", "server sessions")}, ${plural(families, "JWT sign-in", "JWT sign-ins")}, ${plural(oauthSessions, "provider session", "provider sessions")}. This browser stays signed in.`,
  };
}
