"use client";

import Link from "next/link";
import { STRATEGIES } from "@/lib/auth/names";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useNowSeconds } from "@/app/jwt/_components/countdown";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { SessionExpiryState } from "@/lib/lab/lifetimes";
import { type CheckResult, checkRequest, describeCheck } from "./request-check";

// The session half of the expiry experiment: a countdown to the idle deadline, a button that
// makes a request (and so slides the window), and one check when the deadline has passed.

const PATH = "/api/session/me";
/** Check a moment after the deadline: a check that lands early is a request, and slides it. */
const AFTER_DEADLINE_MS = 1000;

type Props = {
  session: SessionExpiryState;
  defaultIdleSeconds: number;
  /** Why the session this browser's cookie names is over, when it is. */
  ended?: string;
};

export function SessionExpiry({ session, defaultIdleSeconds, ended }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const now = useNowSeconds();
  const [last, setLast] = useState<CheckResult | null>(null);

  const deadline = session.state === "signed-in" ? session.idleExpiresAt : null;
  const serverNow = session.state === "signed-in" ? session.serverNow : null;
  const shortened =
    session.state === "signed-in" && session.idleTimeoutSeconds < defaultIdleSeconds;
  const secondsLeft =
    deadline && now !== null ? Math.floor(Date.parse(deadline) / 1000) - now : null;

  useEffect(() => {
    if (!deadline || serverNow === null || !shortened) return;
    let cancelled = false;
    const timer = window.setTimeout(
      async () => {
        const result = await checkRequest(PATH);
        if (cancelled || !result) return;
        setLast(result);
        router.refresh();
      },
      // Time left by the server's clock, counted from after the render: never early.
      Math.max(0, Date.parse(deadline) - serverNow + AFTER_DEADLINE_MS),
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [deadline, serverNow, shortened, router]);

  const requestNow = async () => {
    const result = await checkRequest(PATH);
    if (!result) return;
    setLast(result);
    router.refresh(); // shows where the deadline moved to, if it moved
  };

  return (
    <section
      aria-labelledby="expiry-session-heading"
      className="space-y-2"
      data-testid="expiry-session"
    >
      <h4 id="expiry-session-heading" className="font-semibold">
        Server session: idle timeout
      </h4>
      {session.state === "signed-out" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="expiry-session-ended">
          {ended ? (
            <>
              {ended}:{" "}
              <Link href={`${STRATEGIES.session.loginPath}?next=/lab`} className="link">
                sign in again
              </Link>
              .
            </>
          ) : (
            "Not signed in with a server session."
          )}
        </p>
      ) : (
        <>
          <p className="text-sm">
            Idle timeout <strong data-testid="idle-timeout">{session.idleTimeoutSeconds} s</strong>
            {shortened ? " (shortened for this session only)" : ""}. Without a request from this
            browser, it ends{" "}
            <strong className="tabular-nums" data-testid="idle-left">
              {secondsLeft === null ? "soon" : secondsLeft > 0 ? `in ${secondsLeft} s` : "now"}
            </strong>
            .
          </p>
          <button type="button" className="btn-secondary" onClick={requestNow} disabled={!hydrated}>
            Make a request (slides the window)
          </button>
        </>
      )}
      <p aria-live="polite" className="text-sm" data-testid="expiry-session-result">
        {last ? (
          <>
            <code className="font-mono">{describeCheck(PATH, last)}</code>
            {last.status === 401 && last.code === "session_expired"
              ? ": the server found the row past its idle deadline, deleted it and logged session.expired. The cookie is still in the browser; it points at nothing."
              : last.status === 200
                ? ": a request counts as activity, so the deadline moves (the server writes it at most every third of the timeout)."
                : last.status === 401
                  ? ": the session is gone, so the server refuses the cookie."
                  : ""}
          </>
        ) : null}
      </p>
    </section>
  );
}
