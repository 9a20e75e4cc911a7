import "server-only";
import { type AuthEventView, listEvents } from "@/lib/auth/events";
import type { StrategyId } from "@/lib/auth/names";
import { strategies } from "@/lib/auth/strategies";

// The lab's timeline: for each strategy, the recent auth events of whoever this browser is
// signed in as under it. Details are the non-secret ones the event log already keeps. It only peeks:
// a page left open must not keep an idle session alive by polling.

export type TimelineEvent = AuthEventView;
export type Timeline = Record<StrategyId, TimelineEvent[]>;

export async function labTimeline(limit = 12): Promise<Timeline> {
  const entries = await Promise.all(
    strategies.map(async (strategy) => {
      const user = await (strategy.peekUser ?? strategy.currentUser)();
      if (!user) return [strategy.id, []] as const;
      return [strategy.id, await listEvents(user.id, { strategy: strategy.id, limit })] as const;
    }),
  );
  return Object.fromEntries(entries) as Timeline;
}
