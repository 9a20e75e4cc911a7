"use client";

import { useId, useSyncExternalStore } from "react";
import * as z from "zod/mini";
import {
  parseResult,
  resultKey,
  saveInTab,
  subscribeToSaved,
  useStored,
} from "@/app/_components/saved-results";

// Revision progress, kept in this browser only (localStorage): which answers the visitor could
// give in an interview, and which checklist lines they have ticked. Beside it, which answers were
// proved live: their last results, kept in this tab like every experiment's.

const idsSchema = z.array(z.string());

function useIdSet(key: string): [Set<string>, (id: string, on: boolean) => void] {
  const raw = useStored(key, "local");
  let ids: string[] = [];
  try {
    const parsed = idsSchema.safeParse(JSON.parse(raw ?? "[]"));
    ids = parsed.success ? parsed.data : [];
  } catch {
    ids = [];
  }
  const set = new Set(ids);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    saveInTab(key, JSON.stringify([...next]), "local");
  };
  return [set, toggle];
}

const UNDERSTOOD = "auth-lab:interview:understood";
const CHECKED = "auth-lab:interview:checklist";

export function UnderstoodToggle({ id }: { id: string }) {
  const [understood, toggle] = useIdSet(UNDERSTOOD);
  const inputId = useId();
  return (
    <label htmlFor={inputId} className="inline-flex items-center gap-2 text-sm">
      <input
        id={inputId}
        type="checkbox"
        className="size-6 shrink-0 accent-sky-700"
        checked={understood.has(id)}
        onChange={(event) => toggle(id, event.target.checked)}
      />
      I could give this answer in an interview
    </label>
  );
}

/** The interview's proofs are saved under `interview-<question>` (prove-it.tsx). */
const proofKey = (id: string) => resultKey(`interview-${id}`);

/** How many of these questions have a proof that ran in this tab: an outcome, not an error. */
function useProvedCount(ids: readonly string[]): number {
  return useSyncExternalStore(
    subscribeToSaved,
    () =>
      ids.filter((id) => {
        const result = parseResult(window.sessionStorage.getItem(proofKey(id)));
        return result !== null && result.verdict.outcome !== "nothing-to-try";
      }).length,
    () => 0,
  );
}

export function ProgressSummary({ ids }: { ids: readonly string[] }) {
  const [understood] = useIdSet(UNDERSTOOD);
  const ready = ids.filter((id) => understood.has(id)).length;
  const proved = useProvedCount(ids);
  return (
    <div className="space-y-2" data-testid="interview-progress">
      <p className="text-sm" data-testid="interview-proved">
        <strong>{proved}</strong> of {ids.length} answers proved live in this tab (with{" "}
        <strong>Prove it</strong>).
      </p>
      <progress
        className="h-2 w-full max-w-sm accent-sky-700"
        max={ids.length}
        value={proved}
        aria-label="Answers proved"
      />
      <p className="text-sm" data-testid="interview-ready">
        <strong>{ready}</strong> of {ids.length} answers you could give in an interview (ticked
        under each answer). Kept in this browser only.
      </p>
      <progress
        className="h-2 w-full max-w-sm accent-sky-700"
        max={ids.length}
        value={ready}
        aria-label="Answers ready"
      />
    </div>
  );
}

export function Checklist({ items }: { items: readonly string[] }) {
  const [checked, toggle] = useIdSet(CHECKED);
  return (
    <ul className="space-y-2" data-testid="checklist">
      {items.map((item, index) => {
        const id = String(index);
        return (
          <li key={id}>
            <label className="flex items-center gap-3 text-sm">
              <input
                type="checkbox"
                className="size-6 shrink-0 accent-sky-700"
                checked={checked.has(id)}
                onChange={(event) => toggle(id, event.target.checked)}
              />
              <span>{item}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
