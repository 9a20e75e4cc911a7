"use client";

import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Starts something that takes a moment (an experiment, a proof): disabled until hydrated, so an
 * early click is never lost, and while it runs, saying so in place of its label.
 */
export function RunButton({
  running,
  busyLabel,
  onClick,
  disabled = false,
  className = "btn-secondary",
  children,
}: {
  running: boolean;
  busyLabel: string;
  onClick: () => void;
  /** Another reason it can't run yet (the browser lacks a sign-in it needs). */
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className={className}
      onClick={onClick}
      disabled={!hydrated || running || disabled}
    >
      {running ? busyLabel : children}
    </button>
  );
}
