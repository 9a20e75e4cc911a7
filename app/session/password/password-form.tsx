"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, useFocusAfterSubmit } from "@/app/_components/form";
import { changePasswordAction, type PasswordState } from "./actions";

export function PasswordForm({ minLength, maxLength }: { minLength: number; maxLength: number }) {
  const [state, action] = useActionState<PasswordState, FormData>(changePasswordAction, {
    status: "idle",
  });
  const form = useFocusAfterSubmit(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} className="space-y-5 card">
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
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
