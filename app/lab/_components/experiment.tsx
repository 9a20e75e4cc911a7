"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useHydrated } from "@/app/_components/use-hydrated";
import { Countdown } from "@/app/jwt/_components/countdown";
import type { Probe } from "@/lib/lab/experiments/self-request";

// One experiment: a button that makes the server run real requests with this browser's own
// credentials (copied or forged), then the requests and their answers, and what they prove.

type Result = { probes: Probe[]; downstreamAcceptsUntil?: number | null };

type Props = {
  name: "replay" | "tamper" | "forged-alg" | "refresh-reuse" | "delegated";
  title: string;
  what: ReactNode;
  button: string;
  lesson: ReactNode;
};

export function Experiment({ name, title, what, button, lesson }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [result, setResult] = useState<Result | null>(null);
  const [state, setState] = useState<"idle" | "running" | "failed">("idle");

  const run = async () => {
    setState("running");
    const response = await fetch(`/api/lab/experiments/${name}`, { method: "POST" }).catch(
      () => null,
    );
    if (!response?.ok) return setState("failed");
    setResult((await response.json()) as Result);
    setState("idle");
    router.refresh(); // the columns above show the new state (after a replay: signed out)
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
      <button
        type="button"
        className="btn-secondary"
        onClick={run}
        disabled={!hydrated || state === "running"}
      >
        {state === "running" ? "Running…" : button}
      </button>
      <div aria-live="polite" className="space-y-2">
        {state === "failed" ? (
          <p className="text-sm text-danger">The experiment could not run. Try again.</p>
        ) : null}
        {result ? (
          result.probes.length === 0 ? (
            <p className="text-sm">Nothing to try: sign in under a strategy first.</p>
          ) : (
            <>
              <ol className="space-y-1 text-sm">
                {result.probes.map((probe) => (
                  <li key={probe.label} data-testid="probe" data-status={probe.status}>
                    <span aria-hidden>{probe.status === probe.expected ? "✓" : "✗"}</span>{" "}
                    {probe.label}: <code className="font-mono">{probe.request}</code> →{" "}
                    <strong>{probe.status}</strong>
                    {probe.message ? (
                      <span className="text-zinc-600 dark:text-zinc-400"> ({probe.message})</span>
                    ) : null}
                  </li>
                ))}
              </ol>
              {result.downstreamAcceptsUntil ? (
                <p className="text-sm" data-testid="downstream-countdown">
                  The downstream service keeps accepting the copied token for another{" "}
                  <Countdown expiresAt={result.downstreamAcceptsUntil} />.
                </p>
              ) : null}
              <p className="text-sm">{lesson}</p>
            </>
          )
        ) : null}
      </div>
    </article>
  );
}
