"use client";

import { useSyncExternalStore } from "react";

// A clock that ticks once a second; on the server (and before hydration) there is no "now".
const subscribe = (tick: () => void) => {
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
};
const nowInSeconds = () => Math.floor(Date.now() / 1000);
const noClock = () => null;

/** Seconds until `expiresAt` (Unix seconds), ticking; "expired" once it has passed. */
export function Countdown({ expiresAt }: { expiresAt: number }) {
  const now = useSyncExternalStore(subscribe, nowInSeconds, noClock);
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
