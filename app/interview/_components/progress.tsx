"use client";

import { useId } from "react";
import * as z from "zod/mini";
import { saveInTab, useStored } from "@/app/_components/saved-results";

// Revision progress, kept in this browser only (localStorage): which answers the visitor could
// give in an interview, and which checklist lines they have ticked.

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
        className="size-4 accent-sky-700"
        checked={understood.has(id)}
        onChange={(event) => toggle(id, event.target.checked)}
      />
      I could give this answer in an interview
    </label>
  );
}

export function ProgressSummary({ ids }: { ids: readonly string[] }) {
  const [understood] = useIdSet(UNDERSTOOD);
  const done = ids.filter((id) => understood.has(id)).length;
  return (
    <div className="space-y-1" data-testid="interview-progress">
      <p className="text-sm">
        <strong>{done}</strong> of {ids.length} answers ready. Kept in this browser only.
      </p>
      <progress
        className="h-2 w-full max-w-sm accent-sky-700"
        max={ids.length}
        value={done}
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
            <label className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                className="mt-1 size-4 shrink-0 accent-sky-700"
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
