"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { resultKey, subscribeToSaved } from "@/app/_components/saved-results";

// Which of the tour's experiments this browser has run (the lab keeps each last result in
// sessionStorage), so the tour can tick them off.

const TOUR = [
  { id: "tamper", title: "Tamper with a token", lesson: "readable is not writable" },
  { id: "forged-alg", title: "Forge the algorithm", lesson: "the verifier picks the algorithm" },
  { id: "replay", title: "Replay after sign-out", lesson: "where revocation really happens" },
] as const;

const done = (id: string) => window.sessionStorage.getItem(resultKey(id)) !== null;
const snapshot = () => TOUR.map((step) => (done(step.id) ? "1" : "0")).join("");

export function TourProgress() {
  const state = useSyncExternalStore(subscribeToSaved, snapshot, () => "000");
  return (
    <ol className="space-y-2 text-sm">
      {TOUR.map((step, i) => (
        <li key={step.id} data-testid={`tour-experiment-${step.id}`} data-done={state[i] === "1"}>
          <span aria-hidden>{state[i] === "1" ? "✔ " : "○ "}</span>
          <Link href={`/lab#experiment-${step.id}`} className="link">
            {step.title}
          </Link>{" "}
          <span className="text-zinc-600 dark:text-zinc-400">({step.lesson})</span>
          <span className="sr-only">{state[i] === "1" ? ": done" : ": not yet"}</span>
        </li>
      ))}
    </ol>
  );
}
