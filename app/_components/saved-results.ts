"use client";

import { useMemo, useSyncExternalStore } from "react";
import * as z from "zod/mini";
import type { ExperimentResult } from "@/lib/lab/experiments/result";

// Each experiment's last result, kept in this tab (sessionStorage) so it survives a reload, and
// read as an external store: every component showing it, and the tour's progress, stay in step.

const CHANGED = "auth-lab:saved-results";

const claims = z.record(z.string(), z.unknown());
const decoded = z.object({
  header: claims,
  payload: claims,
  changed: z.object({ header: z.array(z.string()), payload: z.array(z.string()) }),
});
const sent = z.object({
  name: z.string(),
  value: z.string(),
  changed: z.optional(z.string()),
  decoded: z.optional(decoded),
});
const probe = z.object({
  label: z.string(),
  method: z.enum(["GET", "POST", "DELETE"]),
  path: z.string(),
  sent: z.array(sent),
  status: z.number(),
  expected: z.number(),
  code: z.nullable(z.string()),
  message: z.nullable(z.string()),
  asExpected: z.boolean(),
  curl: z.string(),
});
export const resultSchema = z.object({
  experiment: z.string(),
  probes: z.array(probe),
  verdict: z.object({
    outcome: z.enum(["refused", "worked", "partly", "shown", "nothing-to-try"]),
    headline: z.string(),
    reason: z.string(),
  }),
  events: z.array(
    z.object({ type: z.string(), strategy: z.string(), detail: z.record(z.string(), z.unknown()) }),
  ),
  facts: z.optional(
    z.array(z.object({ name: z.string(), value: z.string(), note: z.optional(z.string()) })),
  ),
  wayForward: z.optional(z.object({ text: z.string(), href: z.string() })),
  downstreamAcceptsUntil: z.optional(z.nullable(z.number())),
  ranAt: z.string(),
});

export const resultKey = (name: string) => `auth-lab:result:${name}`;

export function subscribeToSaved(notify: () => void) {
  window.addEventListener("storage", notify);
  window.addEventListener(CHANGED, notify);
  return () => {
    window.removeEventListener("storage", notify);
    window.removeEventListener(CHANGED, notify);
  };
}

/** Writes (or, with null, forgets) a value of this tab's storage and tells every reader. */
export function saveInTab(
  key: string,
  value: string | null,
  storage: "session" | "local" = "session",
) {
  const store = storage === "session" ? window.sessionStorage : window.localStorage;
  if (value === null) store.removeItem(key);
  else store.setItem(key, value);
  window.dispatchEvent(new Event(CHANGED));
}

/** A stored string, live; null on the server and before hydration. */
export function useStored(key: string, storage: "session" | "local" = "session"): string | null {
  return useSyncExternalStore(
    subscribeToSaved,
    () => (storage === "session" ? window.sessionStorage : window.localStorage).getItem(key),
    () => null,
  );
}

export function parseResult(raw: string | null): ExperimentResult | null {
  if (!raw) return null;
  try {
    const parsed = resultSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The last result of an experiment in this tab, or null. */
export function useSavedResult(name: string): ExperimentResult | null {
  const raw = useStored(resultKey(name));
  return useMemo(() => parseResult(raw), [raw]);
}
