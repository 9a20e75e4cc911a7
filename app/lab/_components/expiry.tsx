"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ExperimentCard } from "./experiment-card";
import { RunButton } from "@/app/_components/run-button";
import type { JwtExpiryState, LifetimeSettings, SessionExpiryState } from "@/lib/lab/lifetimes";
import { JwtExpiry } from "./expiry-jwt";
import { SessionExpiry } from "./expiry-session";
import { readError } from "./request-check";

// The expiry experiment: lifetimes of minutes or days are too long to watch, so this shortens the
// visitor's own session and JWT family (and nobody else's) to seconds, then shows what happens.

type Props = {
  session: SessionExpiryState;
  jwt: JwtExpiryState;
  settings: LifetimeSettings;
};

const minutes = (seconds: number) =>
  seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;

export function ExpiryExperiment({ session, jwt, settings }: Props) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "running" | { error: string }>("idle");
  const { defaults, lab } = settings;

  const shorten = async () => {
    setState("running");
    const response = await fetch("/api/lab/lifetimes", { method: "POST" }).catch(() => null);
    if (!response) return setState({ error: "The request failed. Check your connection." });
    if (!response.ok) {
      const error = await readError(response);
      return setState({ error: error?.message ?? "The lifetimes could not be shortened." });
    }
    setState("idle");
    router.refresh(); // the new deadline and the new, short access token
  };

  return (
    <ExperimentCard name="expiry" wide>
      <div className="space-y-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          By default a server session ends after {minutes(defaults.idleSeconds)} without a request
          and an access token lives {minutes(defaults.accessTtlSeconds)}. Too long to watch, so this
          shortens them to {lab.idleSeconds} s and {lab.accessTtlSeconds} s for your current session
          and JWT sign-in only: every other visitor, and your other devices, keep the defaults.
        </p>
        <RunButton running={state === "running"} busyLabel="Shortening…" onClick={shorten}>
          Shorten my lifetimes
        </RunButton>
        <p aria-live="polite" className="text-sm text-danger">
          {typeof state === "object" ? state.error : null}
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <SessionExpiry session={session} defaultIdleSeconds={defaults.idleSeconds} />
        <JwtExpiry
          jwt={jwt}
          defaultTtlSeconds={defaults.accessTtlSeconds}
          toleranceSeconds={settings.clockToleranceSeconds}
        />
      </div>
      <p className="text-sm">
        Both expire, but differently. The session&apos;s deadline lives on the server and moves with
        every request; when it passes, the row is gone and the next request is refused. The access
        token&apos;s expiry is written inside the token and can&apos;t move: the page trades the
        refresh token for a new one before it runs out, so you never notice.
      </p>
    </ExperimentCard>
  );
}
