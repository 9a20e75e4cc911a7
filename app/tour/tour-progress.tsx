"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { TOUR_EXPERIMENTS, useRecordTour, useTour } from "@/app/_components/tour";

// The tour's steps as this browser recorded them (app/_components/tour.ts): a step once done stays
// done, whatever the visitor's sign-in state is now.

/** One of the three steps, marked done from the record; `signedInBoth` is the server's "now". */
export function TourStep({
  step,
  signedInBoth = false,
  children,
}: {
  step: 0 | 1 | 2;
  signedInBoth?: boolean;
  children: ReactNode;
}) {
  const tour = useTour();
  useRecordTour(step === 0 ? (signedInBoth ? ["started", "signed-in"] : ["started"]) : []);
  const done = tour.done[step] || (step === 0 && signedInBoth);
  return (
    <li
      id={`tour-step-${step + 1}`}
      className="scroll-mt-4 space-y-2 card"
      data-testid={`tour-step-${step + 1}`}
      data-done={done}
    >
      {children}
      {done ? (
        <p className="text-sm text-success">
          Done.
          {step === 0 && !signedInBoth ? (
            <span className="text-zinc-700 dark:text-zinc-300">
              {" "}
              You have been signed out since (the replay experiment does that): sign in again to run
              more experiments.
            </span>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

export function TourProgress() {
  const { experiments } = useTour();
  return (
    <ol className="space-y-1 text-sm">
      {TOUR_EXPERIMENTS.map((step) => (
        <li
          key={step.id}
          data-testid={`tour-experiment-${step.id}`}
          data-done={experiments[step.id]}
        >
          <span aria-hidden>{experiments[step.id] ? "✔ " : "○ "}</span>
          <Link href={`/lab#experiment-${step.id}`} className="inline-block py-0.5 link">
            {step.title}
          </Link>{" "}
          <span className="text-zinc-600 dark:text-zinc-400">({step.lesson})</span>
          <span className="sr-only">{experiments[step.id] ? ": done" : ": not yet"}</span>
        </li>
      ))}
    </ol>
  );
}

/** Says so when all three steps are done, with what to do next. */
export function TourComplete({ children }: { children: ReactNode }) {
  const tour = useTour();
  if (tour.step !== null) return null;
  return (
    <section
      aria-labelledby="tour-complete"
      className="space-y-2 rounded-xl border border-success/40 bg-success/5 p-5"
      data-testid="tour-complete"
    >
      <h2 id="tour-complete" className="font-semibold text-success">
        Tour complete: you signed in two ways, compared them and attacked both.
      </h2>
      {children}
    </section>
  );
}
