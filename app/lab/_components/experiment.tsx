"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ResultPanel } from "@/app/_components/result-panel";
import { useExperiment } from "@/app/_components/use-experiment";
import { useHydrated } from "@/app/_components/use-hydrated";
import { Countdown } from "@/app/jwt/_components/countdown";
import { type CardExperiment, EXPERIMENT_REGISTRY } from "@/lib/lab/experiments";
import { ExperimentCard } from "./experiment-card";
import { NeedsNote } from "./needs-note";

// One experiment: a button that makes the server run real requests with this browser's own
// credentials (copied or forged), then a result that explains itself. Until the browser holds
// what the experiment needs, the button says why it can't run, with a way to get it. The words
// are the registry's (lib/lab/experiments/index.ts).

/** The standard card: what the experiment does, its button, and the result under it. */
export function Experiment({
  name,
  needs,
  children,
}: {
  name: CardExperiment;
  /** What this browser still lacks, and where to get it; null when it can run. */
  needs: { text: string; href: string } | null;
  /** More of the card under the run's result (the same attack in this browser, for passkeys). */
  children?: ReactNode;
}) {
  const { card, runs } = EXPERIMENT_REGISTRY[name].lab;
  const { what, button, lesson } = card;
  const router = useRouter();
  const hydrated = useHydrated();
  const { result, restored, state, failure, run, focusTarget } = useExperiment(
    name,
    runs === "throwaway" ? `/api/interview/prove/${name}` : `/api/lab/experiments/${name}`,
  );

  const start = async () => {
    if (await run()) router.refresh(); // the columns and the header show the new state
  };

  return (
    <ExperimentCard name={name}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{what}</p>
      <NeedsNote needs={needs} testId="experiment-needs" />
      <button
        type="button"
        className="btn-secondary"
        onClick={start}
        disabled={!hydrated || state === "running" || needs !== null}
      >
        {state === "running" ? "Running…" : button}
      </button>
      <div aria-live="polite" className="space-y-2">
        {state === "failed" ? (
          <p className="text-sm text-danger" data-testid="run-failure">
            {failure}
          </p>
        ) : null}
        {result ? (
          <ResultPanel ref={focusTarget} result={result} restored={restored} lesson={lesson} />
        ) : null}
        {result?.downstreamAcceptsUntil ? (
          <p className="text-sm" data-testid="downstream-countdown">
            The downstream service keeps accepting the copied token for another{" "}
            <Countdown expiresAt={result.downstreamAcceptsUntil} />.
          </p>
        ) : null}
      </div>
      {children}
    </ExperimentCard>
  );
}
