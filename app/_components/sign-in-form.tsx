"use client";

import { useActionState } from "react";
import type { SignInFormState } from "@/lib/auth/sign-in-form";
import { Field, FormMessage, SubmitButton, useFocusAfterSubmit } from "./form";

type SignInAction = (prev: SignInFormState, formData: FormData) => Promise<SignInFormState>;

/** Email and password, for both local strategies; each passes its own server action. */
export function SignInForm({
  action,
  next,
  submitLabel,
}: {
  action: SignInAction;
  next: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const form = useFocusAfterSubmit(state);
  return (
    <form ref={form} action={formAction} className="space-y-5 card">
      <input type="hidden" name="next" value={next} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Signing in…">{submitLabel}</SubmitButton>
    </form>
  );
}
