"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ResultPanel } from "@/app/_components/result-panel";
import { useHydrated } from "@/app/_components/use-hydrated";
import { passkeysSupported } from "@/app/passkey/_components/webauthn";
import type { LoggedEvent } from "@/lib/auth/events";
import type { ExperimentResult } from "@/lib/lab/experiments/result";
import type { Needs } from "@/lib/lab/catalogue";
import { NeedsNote } from "../needs-note";
import { BROWSER_RUNS, type BrowserRunName } from "./runs";

// The attack again, in this browser with the visitor's own passkey: a second button under the
// server's run, its result beside it. It runs only for someone signed in who has a passkey here
// (the ceremonies are re-proofs of that person); a refused prompt or a server that said no shows
// its words, not a result.

type SessionEvent = LoggedEvent & { id: string };

/** The session strategy's recent events for this person (the lab's timeline): passkey ones. */
async function passkeyEvents(): Promise<SessionEvent[]> {
  const response = await fetch("/api/lab/events").catch(() => null);
  const timeline = (await response?.json().catch(() => null)) as {
    session?: SessionEvent[];
  } | null;
  return (timeline?.session ?? []).filter((event) => event.type.startsWith("passkey."));
}

const runsInBrowser = (name: string): name is BrowserRunName => name in BROWSER_RUNS;

/** The attack `name` with the visitor's own passkey; nothing for one no page can run. */
export function YourPasskey({ name, needs }: { name: string; needs: Needs }) {
  return runsInBrowser(name) ? <BrowserRun name={name} needs={needs} /> : null;
}

function BrowserRun({
  name,
  needs,
}: {
  name: BrowserRunName;
  /** What this browser lacks (a sign-in, a passkey), and where to get it; null when it can run. */
  needs: Needs;
}) {
  const { run, what, button } = BROWSER_RUNS[name];
  const router = useRouter();
  const hydrated = useHydrated();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ExperimentResult | null>(null);
  const focusTarget = useRef<HTMLDivElement>(null);
  const supported = hydrated && passkeysSupported();

  useEffect(() => {
    if (result) focusTarget.current?.focus();
  }, [result]);

  const start = async () => {
    setRunning(true);
    setFailure(null);
    try {
      const before = new Set((await passkeyEvents()).map((event) => event.id));
      const ran = await run();
      const events = (await passkeyEvents())
        .filter((event) => !before.has(event.id))
        .reverse()
        .map(({ type, strategy, detail }) => ({ type, strategy, detail }));
      setResult({ experiment: name, ...ran, events, ranAt: new Date().toISOString() });
      router.refresh(); // the passkey row's counter and flags, the columns' new credentials
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "The run stopped.");
    } finally {
      setRunning(false);
    }
  };

  const unsupported = hydrated && !supported;
  return (
    <section
      aria-labelledby={`yours-${name}`}
      className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800"
      data-testid="your-passkey"
    >
      <h4 id={`yours-${name}`} className="font-semibold">
        With your own passkey
      </h4>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{what}</p>
      {unsupported ? (
        <p className="text-sm" data-testid="experiment-needs">
          This browser has no passkey support (WebAuthn), so only the run above can show it.
        </p>
      ) : (
        <NeedsNote needs={needs} testId="experiment-needs" />
      )}
      <button
        type="button"
        className="btn-secondary"
        onClick={start}
        disabled={!supported || running || needs !== null}
      >
        {running ? "Waiting for your passkey…" : button}
      </button>
      <div aria-live="polite" className="space-y-2">
        {failure ? (
          <p className="text-sm text-danger" data-testid="run-failure">
            {failure}
          </p>
        ) : null}
        {result ? <ResultPanel ref={focusTarget} result={result} /> : null}
      </div>
    </section>
  );
}
