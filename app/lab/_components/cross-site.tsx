"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { ResultPanel } from "@/app/_components/result-panel";
import { RunButton } from "@/app/_components/run-button";
import { useExperiment } from "@/app/_components/use-experiment";
import { useHydrated } from "@/app/_components/use-hydrated";
import { ExperimentCard } from "./experiment-card";
import { NeedsNote } from "./needs-note";

// The cross-site experiment, two ways: the server sends the forged POSTs with your cookies and a
// foreign Origin (the result explains itself), and the attacker page lets you do it for real from
// the other loopback host (localhost and 127.0.0.1 are different sites to a browser).

const OTHER_HOST: Record<string, string> = { localhost: "127.0.0.1", "127.0.0.1": "localhost" };
const STRATEGIES = ["session", "jwt", "oauth"] as const;

const noSubscribe = () => () => {};
const attackerUrl = () => {
  const other = OTHER_HOST[window.location.hostname];
  return other ? `${window.location.protocol}//${other}:${window.location.port}/attacker` : "";
};

export function CrossSite({ needs }: { needs: { text: string; href: string } | null }) {
  const router = useRouter();
  const url = useSyncExternalStore(noSubscribe, attackerUrl, () => "");
  const { result, restored, state, failure, run, focusTarget } = useExperiment(
    "cross-site",
    "/api/lab/experiments/cross-site",
  );
  return (
    <ExperimentCard name="cross-site">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        For each strategy, a POST to its notes route carrying your cookies, from another site, as a
        malicious page would send it; then your notes are counted.
      </p>
      <NeedsNote needs={needs} testId="experiment-needs" />
      <RunButton
        running={state === "running"}
        busyLabel="Running…"
        disabled={needs !== null}
        onClick={async () => {
          if (await run()) router.refresh();
        }}
      >
        Send the forged requests
      </RunButton>
      <div aria-live="polite">
        {state === "failed" ? (
          <p className="text-sm text-danger" data-testid="run-failure">
            {failure}
          </p>
        ) : null}
        {result ? <ResultPanel ref={focusTarget} result={result} restored={restored} /> : null}
      </div>
      {url ? (
        <p className="text-sm">
          Or try it for real in your browser:{" "}
          <a href={url} target="_blank" rel="noopener" className="link">
            open the attacker page
          </a>{" "}
          (another site to your browser), press its button, and come back: your notes are unchanged.{" "}
          <NoteCounts />
        </p>
      ) : null}
    </ExperimentCard>
  );
}

/** Counts this browser's notes under each strategy, for the before-and-after of the real attack. */
function NoteCounts() {
  const hydrated = useHydrated();
  const [counts, setCounts] = useState<string | null>(null);
  const count = async () => {
    const parts = await Promise.all(
      STRATEGIES.map(async (strategy) => {
        const response = await fetch(`/api/${strategy}/notes`, { cache: "no-store" });
        if (!response.ok) return `${strategy}: signed out`;
        const { notes } = (await response.json()) as { notes: unknown[] };
        return `${strategy}: ${notes.length} notes`;
      }),
    );
    setCounts(parts.join(" · "));
  };
  return (
    <>
      <button type="button" className="mt-2 btn-secondary" disabled={!hydrated} onClick={count}>
        Count my notes
      </button>
      <span aria-live="polite" className="ml-2" data-testid="note-counts">
        {counts}
      </span>
    </>
  );
}
