"use client";

import { useId, useState } from "react";
import { ResultPanel } from "@/app/_components/result-panel";
import { useExperiment } from "@/app/_components/use-experiment";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FLOW_CHANGES, type FlowChange } from "@/lib/lab/experiments/flow-changes";

// Under the step log: change one thing about the flow and run it again against the local
// identity provider, to watch who refuses it and why (oauth.tools' "edit and replay").

function ReplayRun({ change }: { change: FlowChange }) {
  const hydrated = useHydrated();
  const { result, restored, state, run, focusTarget } = useExperiment(
    `flow-replay-${change}`,
    `/api/lab/flow-replay/${change}`,
  );
  return (
    <div className="space-y-3">
      <button
        type="button"
        className="btn-secondary"
        onClick={run}
        disabled={!hydrated || state === "running"}
      >
        {state === "running" ? "Running the flow…" : "Run the flow with this change"}
      </button>
      <div aria-live="polite">
        {state === "failed" ? (
          <p className="text-sm text-danger">The flow could not run. Try again.</p>
        ) : null}
        {result ? <ResultPanel ref={focusTarget} result={result} restored={restored} /> : null}
      </div>
    </div>
  );
}

export function FlowReplay() {
  const name = useId();
  const [change, setChange] = useState<FlowChange>("drop-pkce");
  return (
    <section
      aria-labelledby="flow-replay-heading"
      className="space-y-3 card"
      data-testid="flow-replay"
    >
      <h2 id="flow-replay-heading" className="text-lg font-semibold">
        Change one thing and run it again
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The same flow against the local identity provider, with a throwaway identity and one
        parameter changed: see who refuses it, and with what.
      </p>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">The change</legend>
        {(Object.entries(FLOW_CHANGES) as [FlowChange, string][]).map(([id, label]) => (
          <label key={id} className="flex min-h-6 items-center gap-2 text-sm">
            <input
              type="radio"
              name={name}
              value={id}
              checked={change === id}
              onChange={() => setChange(id)}
              className="size-4"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <ReplayRun key={change} change={change} />
    </section>
  );
}
