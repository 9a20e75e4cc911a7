"use client";

import { useEffect, useState } from "react";
import { Time } from "@/app/_components/time";
import * as z from "zod/mini";
import { STRATEGIES, STRATEGY_IDS } from "@/lib/auth/names";

// The auth events of this browser's people, per strategy, refreshed every few seconds. When a
// strategy signs out (an expiry, a replay experiment) its last events stay, marked as such, so the
// moment of the change is still on screen.

const events = z.array(
  z.object({
    id: z.string(),
    type: z.string(),
    detail: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  }),
);
const timelineSchema = z.object({ session: events, jwt: events, oauth: events });
type Event = z.infer<typeof events>[number];
type Timeline = z.infer<typeof timelineSchema>;
type Shown = Record<keyof Timeline, { events: Event[]; ended: boolean }>;

const POLL_MS = 3000;
const EMPTY = { events: [], ended: false };

function keepLast(shown: Shown, next: Timeline): Shown {
  const merged = { ...shown };
  for (const id of STRATEGY_IDS) {
    const ended = next[id].length === 0 && shown[id].events.length > 0;
    merged[id] = ended ? { events: shown[id].events, ended } : { events: next[id], ended: false };
  }
  return merged;
}

export function LabTimeline({ initial }: { initial: Timeline }) {
  const [timeline, setTimeline] = useState<Shown>(() =>
    keepLast({ session: EMPTY, jwt: EMPTY, oauth: EMPTY }, initial),
  );
  useEffect(() => {
    let cancelled = false;
    const timer = window.setInterval(async () => {
      const response = await fetch("/api/lab/events", { cache: "no-store" }).catch(() => null);
      if (!cancelled && response?.ok) {
        const next = timelineSchema.safeParse(await response.json().catch(() => null));
        if (next.success) setTimeline((shown) => keepLast(shown, next.data));
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, []);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {STRATEGY_IDS.map((id) => (
        <section
          key={id}
          aria-label={`${STRATEGIES[id].label} timeline`}
          className="space-y-2 card"
          data-testid={`timeline-${id}`}
        >
          <h3 className="font-semibold">{STRATEGIES[id].label}</h3>
          {timeline[id].ended ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Signed out now. The last events before that:
            </p>
          ) : null}
          {timeline[id].events.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              No events: not signed in under this strategy.
            </p>
          ) : (
            <ol className="space-y-1 text-sm">
              {timeline[id].events.map((event) => (
                <li key={event.id} className="flex flex-wrap justify-between gap-x-2">
                  <span className="font-mono">{event.type}</span>
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    <Time value={event.createdAt} timeOnly />
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
