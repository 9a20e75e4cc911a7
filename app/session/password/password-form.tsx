"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, useFocusAfterSubmit } from "@/app/_components/form";
import { changePasswordAction, type PasswordState } from "./actions";

export function PasswordForm({
  minLength,
  maxLength,
  byPasskey,
}: {
  minLength: number;
  maxLength: number;
  /** A passkey assertion made just now stands in for the current password. */
  byPasskey: boolean;
}) {
  const [state, action] = useActionState<PasswordState, FormData>(changePasswordAction, {
    status: "idle",
  });
  const form = useFocusAfterSubmit(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} className="space-y-5 card">
      {byPasskey ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="by-passkey">
          You confirmed it is you with a passkey just now: no current password needed.
          {errors.currentPassword ? (
            <span className="block text-danger">{errors.currentPassword.join(" ")}</span>
          ) : null}
        </p>
      ) : (
        <Field
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.currentPassword}
        />
      )}
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={maxLength}
        hint={`At least ${minLength} characters; common passwords are refused.`}
        errors={errors.newPassword}
      />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Changing password…">Change password</SubmitButton>
    </form>
  );
}
