"use server";

import { recordEvent } from "@/lib/auth/events";
import { changePassword, type PasswordChangeField } from "@/lib/auth/password-change";
import { requireSession } from "@/lib/auth/session/guard";
import { invalidateUserSessions } from "@/lib/auth/session/store";
import { type FormState, textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";

export type PasswordState = FormState<PasswordChangeField>;

export async function changePasswordAction(
  _prev: PasswordState,
  formData: FormData,
): Promise<PasswordState> {
  const { user, session } = await requireSession("/session/password");
  const context = await currentRequestContext();
  const result = await changePassword(
    user.id,
    {
      currentPassword: textField(formData, "currentPassword"),
      newPassword: textField(formData, "newPassword"),
    },
    "session",
    context,
  );
  if (!result.ok)
    return {
      status: "error",
      message: "The password was not changed.",
      fieldErrors: result.fieldErrors,
    };

  // OWASP ASVS 7.4.3: a new password ends every other session.
  const ended = await invalidateUserSessions(user.id, session.id);
  await recordEvent({
    type: "session.revoked",
    strategy: "session",
    userId: user.id,
    context,
    detail: { scope: "others", count: ended, reason: "password_changed" },
  });
  const others = ended === 1 ? "1 other session was" : `${ended} other sessions were`;
  return { status: "success", message: `Password changed. ${others} signed out.` };
}
