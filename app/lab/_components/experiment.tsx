"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ResultPanel } from "@/app/_components/result-panel";
import { useExperiment } from "@/app/_components/use-experiment";
import { useHydrated } from "@/app/_components/use-hydrated";
import { Countdown } from "@/app/jwt/_components/countdown";
import type { ExperimentName } from "@/lib/lab/experiments";
import { NeedsNote } from "./needs-note";

// One experiment: a button that makes the server run real requests with this browser's own
// credentials (copied or forged), then a result that explains itself. Until the browser holds
// what the experiment needs, the button says why it can't run, with a way to get it.

type Props = {
  name: Exclude<ExperimentName, "cross-site">;
  title: string;
  what: ReactNode;
  button: string;
  lesson: ReactNode;
  /** What this browser still lacks, and where to get it; null when it can run. */
  needs: { text: string; href: string } | null;
};

export function Experiment({ name, title, what, button, lesson, needs }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { result, restored, state, run, focusTarget } = useExperiment(
    name,
    `/api/lab/experiments/${name}`,
  );

  const start = async () => {
    if (await run()) router.refresh(); // the columns and the header show the new state
  };

  return (
    <article
      className="space-y-3 card"
      aria-labelledby={`experiment-${name}`}
      data-testid={`experiment-${name}`}
    >
      <h3 id={`experiment-${name}`} className="font-semibold">
        {title}
      </h3>
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
          <p className="text-sm text-danger">The experiment could not run. Try again.</p>
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
    </article>
  );
}
