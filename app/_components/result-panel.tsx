"use client";

import { forwardRef } from "react";
import type { ExperimentResult } from "@/lib/lab/experiments/result";
import { ProbeView } from "./probe-view";
import Link from "next/link";
import { Time } from "./time";

// How every experiment's result reads, in the lab and in the interview room: the verdict first, in
// words; then each request as it was sent (the changed part marked), what came back and why; the
// curl command that repeats it; and what the run wrote to the auth log.

const OUTCOME_STYLE = {
  refused: "border-success/50 bg-success/5",
  worked: "border-danger/50 bg-danger/5",
  partly: "border-amber-500/60 bg-amber-500/5",
  shown: "border-sky-500/60 bg-sky-500/5",
  "nothing-to-try": "border-zinc-300 dark:border-zinc-700",
} as const;

export const ResultPanel = forwardRef<
  HTMLDivElement,
  { result: ExperimentResult; restored?: boolean; lesson?: React.ReactNode }
>(function ResultPanel({ result, restored = false, lesson }, ref) {
  const { verdict } = result;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="space-y-3 text-sm outline-none"
      data-testid="result"
      data-outcome={verdict.outcome}
    >
      <div
        role="status"
        className={`rounded-lg border p-3 ${OUTCOME_STYLE[verdict.outcome]}`}
        data-testid="verdict"
      >
        <p className="font-semibold" data-testid="verdict-headline">
          {verdict.headline}
        </p>
        <p data-testid="verdict-reason">{verdict.reason}</p>
        {result.wayForward ? (
          <p className="mt-1">
            <Link href={result.wayForward.href as never} className="link" data-testid="way-forward">
              {result.wayForward.text}
            </Link>
          </p>
        ) : null}
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {restored ? "From your last run, " : "Ran "}
          <Time value={result.ranAt} />
        </p>
      </div>
      {result.probes.length > 0 ? (
        <ol className="space-y-2">
          {result.probes.map((probe, i) => (
            <ProbeView key={`${probe.label}-${i}`} probe={probe} />
          ))}
        </ol>
      ) : null}
      {result.facts && result.facts.length > 0 ? (
        <dl
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-xs dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="result-facts"
        >
          {result.facts.map((fact, i) => (
            <div key={`${fact.name}-${i}`} className="p-2" data-fact={fact.name}>
              <dt className="font-semibold">{fact.name}</dt>
              <dd className="font-mono break-all">{fact.value}</dd>
              {fact.note ? <dd className="text-zinc-600 dark:text-zinc-400">{fact.note}</dd> : null}
            </div>
          ))}
        </dl>
      ) : null}
      {/* The lesson is what a run shows; a run that could not run shows nothing to learn from. */}
      {lesson && verdict.outcome !== "nothing-to-try" ? <p>{lesson}</p> : null}
      {result.events.length > 0 ? (
        <div>
          <p className="font-semibold">What it wrote to the auth log</p>
          <ul className="font-mono text-xs" data-testid="result-events">
            {result.events.map((event, i) => (
              <li key={`${event.type}-${i}`}>
                {event.strategy}: {event.type}
              </li>
            ))}
          </ul>
        </div>
      ) : result.verdict.outcome !== "nothing-to-try" ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="result-events">
          It wrote nothing to the auth log.
        </p>
      ) : null}
    </div>
  );
});
