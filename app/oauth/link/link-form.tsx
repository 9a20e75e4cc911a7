"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, useFocusAfterSubmit } from "@/app/_components/form";
import { type LinkState, startPasswordLink } from "../actions";

/** Link a provider: the password again unless the sign-in was just made, then the provider. */
export function LinkForm({
  providers,
  needsPassword,
}: {
  providers: { id: string; name: string }[];
  needsPassword: boolean;
}) {
  const [state, action] = useActionState<LinkState, FormData>(startPasswordLink, {
    status: "idle",
  });
  const form = useFocusAfterSubmit(state);
  return (
    <form ref={form} action={action} className="space-y-4 card">
      {needsPassword ? (
        <Field
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          hint="You signed in more than a few minutes ago: prove it is still you before linking."
          errors={state.fieldErrors?.password}
        />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You signed in a moment ago, which is proof enough to link a provider now.
        </p>
      )}
      <FormMessage status={state.status} message={state.message} />
      <div className="flex flex-wrap gap-3">
        {providers.map((provider) => (
          <SubmitButton
            key={provider.id}
            name="provider"
            value={provider.id}
            className="btn-primary"
            pendingLabel="Going to the provider…"
          >
            Link {provider.name}
          </SubmitButton>
        ))}
      </div>
    </form>
  );
}
