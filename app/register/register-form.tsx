"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, useFocusAfterSubmit } from "@/app/_components/form";
import { idleState } from "@/lib/form-state";
import { register, type RegisterState } from "./actions";
import { STRATEGIES } from "@/lib/auth/names";

export function RegisterForm({ minLength, maxLength }: { minLength: number; maxLength: number }) {
  const [state, action] = useActionState<RegisterState, FormData>(register, idleState);
  const form = useFocusAfterSubmit(state);

  if (state.status === "success") {
    return (
      <div className="space-y-4 card" role="status">
        <h2 className="text-lg font-semibold">Account created</h2>
        <p>{state.message}</p>
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href={STRATEGIES.session.loginPath} className="btn-primary no-underline">
              Sign in with a server session
            </Link>
          </li>
          <li>
            <Link href="/jwt" className="btn-secondary no-underline">
              Sign in with JWT
            </Link>
          </li>
        </ul>
      </div>
    );
  }

  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} className="space-y-5 card" noValidate>
      <Field
        name="name"
        label="Name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={errors.name}
      />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={maxLength}
        hint={`At least ${minLength} characters. Any characters, spaces and emoji welcome; common passwords are refused.`}
        errors={errors.password}
      />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
    </form>
  );
}
