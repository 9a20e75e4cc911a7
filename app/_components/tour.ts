"use client";

import { useEffect } from "react";
import * as z from "zod/mini";
import { saveInTab, useStored } from "./saved-results";
import { useHydrated } from "./use-hydrated";

// The tour's progress, kept in this browser (localStorage) as what was done, never recomputed
// from the present: the replay experiment signs the visitor out, and step 1 stays done.

const KEY = "auth-lab:tour";

export const TOUR_EXPERIMENTS = [
  { id: "tamper", title: "Tamper with a token", lesson: "readable is not writable" },
  { id: "forged-alg", title: "Forge the algorithm", lesson: "the verifier picks the algorithm" },
  { id: "replay", title: "Replay after sign-out", lesson: "where revocation really happens" },
] as const;

type TourExperiment = (typeof TOUR_EXPERIMENTS)[number]["id"];
/** "started": the tour page was opened; "closed": its end was acknowledged in the lab. */
type Milestone = "started" | "signed-in" | "compared" | "closed" | TourExperiment;

export const TOUR_STEPS = [
  { title: "Sign in with a server session and a JWT", href: "/tour#tour-step-1" },
  { title: "Compare what each one holds", href: "/lab#lab-columns" },
  { title: "Run three experiments", href: "/lab#experiment-tamper" },
] as const;

const milestonesSchema = z.array(z.string());

function parse(raw: string | null): Set<string> {
  try {
    const parsed = milestonesSchema.safeParse(JSON.parse(raw ?? "[]"));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

/** Adds milestones to this browser's record (a write only when one is new). */
export function recordTour(...milestones: Milestone[]) {
  const done = parse(window.localStorage.getItem(KEY));
  if (milestones.every((milestone) => done.has(milestone))) return;
  for (const milestone of milestones) done.add(milestone);
  saveInTab(KEY, JSON.stringify([...done]), "local");
}

/** Called after any experiment has run: the tour's three tick themselves off. */
export function recordTourExperiment(name: string) {
  const step = TOUR_EXPERIMENTS.find((experiment) => experiment.id === name);
  if (step) recordTour(step.id);
}

/** Records `milestones` once this component is on the page (none when the list is empty). */
export function useRecordTour(milestones: Milestone[]) {
  const list = milestones.join(",");
  useEffect(() => {
    if (list) recordTour(...(list.split(",") as Milestone[]));
  }, [list]);
}

export type TourState = {
  /** Before hydration nothing is known: the record lives in the browser. */
  known: boolean;
  started: boolean;
  closed: boolean;
  /** Each of the three steps. */
  done: [boolean, boolean, boolean];
  experiments: Record<TourExperiment, boolean>;
  /** 1-based: the first step not done yet; null once all are. */
  step: number | null;
  next: { title: string; href: string } | null;
};

export function useTour(): TourState {
  const known = useHydrated();
  const record = parse(useStored(KEY, "local"));
  const experiments = Object.fromEntries(
    TOUR_EXPERIMENTS.map(({ id }) => [id, record.has(id)]),
  ) as Record<TourExperiment, boolean>;
  const done: TourState["done"] = [
    record.has("signed-in"),
    record.has("compared"),
    Object.values(experiments).every(Boolean),
  ];
  const index = done.indexOf(false);
  const pending = TOUR_EXPERIMENTS.find(({ id }) => !experiments[id]);
  const next =
    index === -1
      ? null
      : index === 2 && pending
        ? { title: pending.title, href: `/lab#experiment-${pending.id}` }
        : TOUR_STEPS[index]!;
  return {
    known,
    started: record.has("started"),
    closed: record.has("closed"),
    done,
    experiments,
    step: index === -1 ? null : index + 1,
    next,
  };
}
