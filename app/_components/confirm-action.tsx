"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { useHydrated } from "./use-hydrated";
import { SubmitButton } from "./form";

// A destructive action asks first: the button opens a short confirmation in place (focus moves to
// it; Escape or Cancel goes back), and only "Yes, …" submits the form to the server action.

export function ConfirmAction({
  action,
  label,
  confirmLabel,
  pendingLabel,
  warning,
  fields = {},
}: {
  action: (formData: FormData) => Promise<void>;
  label: string;
  confirmLabel: string;
  pendingLabel: string;
  warning: ReactNode;
  fields?: Record<string, string>;
}) {
  const hydrated = useHydrated();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLFormElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) panel.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking)
    return (
      <button
        ref={opener}
        type="button"
        className="btn-danger-outline"
        disabled={!hydrated}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <form
      ref={panel}
      action={action}
      aria-label={label}
      className="w-full max-w-md space-y-3 rounded-lg border border-red-700/40 bg-red-50 p-4 text-sm dark:border-red-400/40 dark:bg-red-950/30"
      onKeyDown={(event) => {
        if (event.key === "Escape") setAsking(false);
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p>{warning}</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton className="btn-danger" pendingLabel={pendingLabel}>
          {confirmLabel}
        </SubmitButton>
        <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
