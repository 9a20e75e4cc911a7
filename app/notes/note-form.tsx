"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage, SubmitButton, useFocusAfterSubmit } from "@/app/_components/form";
import type { NoteFormState } from "./actions";

type Props = {
  action: (prev: NoteFormState, formData: FormData) => Promise<NoteFormState>;
  maxLength: number;
  /** Which strategy's notes: the draft is kept per strategy. */
  via: string;
};

/**
 * A note typed is never lost: a refused save keeps it in the field, and the draft is kept in this
 * tab (sessionStorage) until it is saved, so it survives a trip to the sign-in page and back.
 */
export function NoteForm({ action, maxLength, via }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const form = useFocusAfterSubmit(state);
  const field = useRef<HTMLTextAreaElement>(null);
  const draftKey = `auth-lab:note-draft:${via}`;

  useEffect(() => {
    const draft = window.sessionStorage.getItem(draftKey);
    if (draft && field.current && !field.current.value) field.current.value = draft;
  }, [draftKey]);
  useEffect(() => {
    if (state.status !== "success") return;
    form.current?.reset();
    window.sessionStorage.removeItem(draftKey);
  }, [state, form, draftKey]);

  const error = state.fieldErrors?.body?.[0];
  return (
    <form ref={form} action={formAction} className="space-y-3 card">
      <label htmlFor="note-body" className="block text-sm font-medium">
        New note
      </label>
      <textarea
        ref={field}
        id="note-body"
        name="body"
        rows={3}
        maxLength={maxLength}
        defaultValue={state.values?.body}
        onChange={(event) => window.sessionStorage.setItem(draftKey, event.target.value)}
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
      {state.signInHref ? (
        <p className="text-sm">
          Your note is kept here.{" "}
          <Link href={state.signInHref as never} className="link">
            Sign in again
          </Link>{" "}
          and it will be waiting.
        </p>
      ) : null}
      <SubmitButton pendingLabel="Saving…" className="btn-primary">
        Save note
      </SubmitButton>
    </form>
  );
}
