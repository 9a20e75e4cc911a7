"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, useFocusAfterSubmit } from "@/app/_components/form";
import { type ConfirmState, confirmWithPassword } from "../actions";

/** The re-proof by password. */
export function ConfirmPasswordForm({
  fields,
}: {
  /** What is being confirmed (action, next, and what it carries on with once confirmed). */
  fields: Record<string, string>;
}) {
  const [state, formAction] = useActionState<ConfirmState, FormData>(confirmWithPassword, {
    status: "idle",
  });
  const form = useFocusAfterSubmit(state);
  return (
    <form ref={form} action={formAction} className="space-y-4 card">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Confirming…">Confirm</SubmitButton>
    </form>
  );
}
