"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ExperimentCard } from "./experiment-card";
import { RunButton } from "@/app/_components/run-button";
import type { JwtExpiryState, LifetimeSettings, SessionExpiryState } from "@/lib/lab/lifetimes";
import { JwtExpiry } from "./expiry-jwt";
import { SessionExpiry } from "./expiry-session";
import { readError } from "./request-check";
import * as z from "zod/mini";

// The expiry experiment: lifetimes of minutes or days are too long to watch, so this shortens the
// visitor's own session and JWT family (and nobody else's) to seconds, then shows what happens;
// its undo gives them the configured lifetimes again.

type Props = {
  session: SessionExpiryState;
  jwt: JwtExpiryState;
  settings: LifetimeSettings;
  /** Why this browser's server session is over, when its cookie outlived it. */
  sessionEnded?: string;
};

type State = "idle" | "running" | "undoing" | { error: string } | { done: string };

const restoredSchema = z.object({
  session: z.nullable(z.object({ idleTimeoutSeconds: z.number() })),
  jwt: z.nullable(z.object({ accessTtlSeconds: z.number() })),
});

const minutes = (seconds: number) =>
  seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;

export function ExpiryExperiment({ session, jwt, settings, sessionEnded }: Props) {
  const router = useRouter();
  const [state, setState] = useState<State>("idle");
  const { defaults, lab } = settings;

  // The undo: the server restores this browser's own session and family, nothing else.
  const undo = async () => {
    setState("undoing");
    const response = await fetch("/api/lab/lifetimes", { method: "DELETE" }).catch(() => null);
    if (!response) return setState({ error: "The request failed. Check your connection." });
    if (!response.ok) {
      const error = await readError(response);
      return setState({ error: error?.message ?? "The lifetimes could not be restored." });
    }
    const restored = restoredSchema.safeParse(await response.json().catch(() => null));
    const parts = restored.success
      ? [
          restored.data.session &&
            `your session's idle timeout is ${minutes(restored.data.session.idleTimeoutSeconds)} again`,
          restored.data.jwt &&
            `your next access token (at the next silent refresh) lives ${minutes(restored.data.jwt.accessTtlSeconds)} again`,
        ].filter(Boolean)
      : [];
    setState({ done: parts.length > 0 ? `Undone: ${parts.join("; ")}.` : "Undone." });
    router.refresh();
  };

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
        <div className="flex flex-wrap gap-2">
          <RunButton running={state === "running"} busyLabel="Shortening…" onClick={shorten}>
            Shorten my lifetimes
          </RunButton>
          <RunButton running={state === "undoing"} busyLabel="Restoring…" onClick={undo}>
            Undo: normal lifetimes
          </RunButton>
        </div>
        <p aria-live="polite" className="text-sm" data-testid="expiry-message">
          {typeof state === "object" ? (
            "error" in state ? (
              <span className="text-danger">{state.error}</span>
            ) : (
              state.done
            )
          ) : null}
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <SessionExpiry
          session={session}
          defaultIdleSeconds={defaults.idleSeconds}
          {...(sessionEnded ? { ended: sessionEnded } : {})}
        />
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
