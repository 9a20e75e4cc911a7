"use client";

import { useSyncExternalStore } from "react";

// A clock that ticks once a second; on the server (and before hydration) there is no "now".
const subscribe = (tick: () => void) => {
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
};
const nowInSeconds = () => Math.floor(Date.now() / 1000);
const noClock = () => null;

/** Unix seconds, ticking; null on the server and before hydration. */
export function useNowSeconds(): number | null {
  return useSyncExternalStore(subscribe, nowInSeconds, noClock);
}

/** Seconds until `expiresAt` (Unix seconds), ticking; "expired" once it has passed. */
export function Countdown({ expiresAt }: { expiresAt: number }) {
  const now = useNowSeconds();
  if (now === null) return <span>…</span>;
  const left = expiresAt - now;
  if (left <= 0) return <span className="font-semibold text-danger">expired</span>;
  const minutes = Math.floor(left / 60);
  return (
    <span className="tabular-nums" data-testid="countdown">
      {minutes > 0 ? `${minutes} min ` : ""}
      {left % 60} s
    </span>
  );
}
