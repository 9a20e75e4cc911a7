"use client";

import { type ComponentProps, type ReactNode, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/form-state";

/**
 * After an action answers, focus goes where the answer is: the first field in error, or else the
 * form's message. (The submit button was disabled while pending, which drops focus to the body.)
 */
export function useFocusAfterSubmit(state: FormState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "idle") return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>("[data-form-message]");
    target?.focus();
  }, [state]);
  return form;
}

type FieldProps = ComponentProps<"input"> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
};

/** A labelled input whose hint and errors are wired to it for screen readers. */
export function Field({ name, label, hint, errors, id = `field-${name}`, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field-input"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <ul id={errorId} className="text-sm text-danger">
          {errors?.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Disabled with a busy label while its form's action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn-primary w-full",
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel: string;
  className?: string;
  /** Sent with the form when this button submits it (one form, several choices). */
  name?: string;
  value?: string;
}) {
  const { pending, data } = useFormStatus();
  // With several submit buttons, only the one pressed says it is busy.
  const mine = pending && (!name || data?.get(name) === value);
  return (
    <button
      type="submit"
      className={className}
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
    >
      {mine ? pendingLabel : children}
    </button>
  );
}

/** The form-level message, announced when it changes. */
export function FormMessage({ status, message }: { status: string; message?: string }) {
  return (
    <div aria-live="polite" role="status" className="min-h-5 text-sm">
      {message ? (
        <p
          className={`outline-none ${status === "error" ? "text-danger" : "text-success"}`}
          data-status={status}
          data-form-message
          tabIndex={-1}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
