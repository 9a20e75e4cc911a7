"use client";

import Link from "next/link";
import { ResultPanel } from "@/app/_components/result-panel";
import { useExperiment } from "@/app/_components/use-experiment";
import { useHydrated } from "@/app/_components/use-hydrated";
import { EXPERIMENT_REGISTRY, type StandaloneExperiment } from "@/lib/lab/experiments";

/** "Prove it": runs the answer's claim live, and shows the result under the answer. */
export function ProveIt({
  question,
  experiment,
  proves,
  lab,
}: {
  question: string;
  experiment: StandaloneExperiment;
  proves: string;
  lab: string;
}) {
  const hydrated = useHydrated();
  const { result, restored, state, failure, run, focusTarget } = useExperiment(
    `interview-${question}`,
    `/api/interview/prove/${experiment}`,
  );
  return (
    <div className="space-y-3" data-testid="prove-it" data-experiment={experiment}>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn-primary"
          onClick={run}
          disabled={!hydrated || state === "running"}
        >
          {state === "running" ? "Proving…" : "Prove it"}
        </button>
        <Link href={lab as never} className="inline-block py-0.5 text-sm link">
          The fuller experiment in the lab
        </Link>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-800 dark:text-zinc-200">
          {EXPERIMENT_REGISTRY[experiment].title}:
        </span>{" "}
        {proves}
      </p>
      <div aria-live="polite">
        {state === "failed" ? (
          <p className="text-sm text-danger" data-testid="run-failure">
            {failure}
          </p>
        ) : null}
        {result ? <ResultPanel ref={focusTarget} result={result} restored={restored} /> : null}
      </div>
    </div>
  );
}
