"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form";
import type { NoteFormState } from "./actions";

type Props = {
  action: (prev: NoteFormState, formData: FormData) => Promise<NoteFormState>;
  maxLength: number;
};

export function NoteForm({ action, maxLength }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const error = state.fieldErrors?.body?.[0];
  return (
    <form ref={form} action={formAction} className="space-y-3 card">
      <label htmlFor="note-body" className="block text-sm font-medium">
        New note
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={3}
        maxLength={maxLength}
        defaultValue={state.values?.body}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "note-body-error" : undefined}
        className="field-input"
      />
      {error ? (
        <p id="note-body-error" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Saving…" className="btn-primary">
        Save note
      </SubmitButton>
    </form>
  );
}
