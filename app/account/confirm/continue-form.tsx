"use client";

import { useEffect, useRef } from "react";
import { SubmitButton } from "@/app/_components/form";
import { continueAfterProof } from "../actions";

/**
 * Back from a re-proof at the provider that this browser started for exactly this (the page
 * checked its one-time intent, carry-on.tsx): carries on with what was being confirmed at once
 * (the person already asked for it), with the button for a browser without JavaScript. Never
 * rendered for a bare link to the page: submitting by itself there would be the CSRF.
 */
export function ContinueForm({
  fields,
  label,
}: {
  fields: Record<string, string>;
  /** In the person's words: "unlink GitHub". */
  label: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    form.current?.requestSubmit();
  }, []);
  return (
    <form ref={form} action={continueAfterProof} className="space-y-3 card">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p role="status">Confirmed. Continuing to {label}…</p>
      <SubmitButton pendingLabel="Continuing…">Continue</SubmitButton>
    </form>
  );
}
