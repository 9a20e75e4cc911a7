import "server-only";
import { getDb } from "@/lib/db";
import type { StrategyId } from "@/lib/auth/events";
import { strategies } from "@/lib/auth/strategies";

// The lab's timeline: for each strategy, the recent auth events of whoever this browser is
// signed in as under it. Details are the non-secret ones the event log already keeps.

export type TimelineEvent = {
  id: string;
  type: string;
  detail: Record<string, unknown>;
  createdAt: string;
};
export type Timeline = Record<StrategyId, TimelineEvent[]>;

export async function labTimeline(limit = 12): Promise<Timeline> {
  const entries = await Promise.all(
    strategies.map(async (strategy) => {
      const user = await strategy.currentUser();
      if (!user) return [strategy.id, []] as const;
      const rows = await getDb().authEvent.findMany({
        where: { userId: user.id, strategy: strategy.id },
        orderBy: { createdAt: "desc" },
        take: limit,
        select: { id: true, type: true, detail: true, createdAt: true },
      });
      const events = rows.map((row) => ({
        ...row,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
        createdAt: row.createdAt.toISOString(),
      }));
      return [strategy.id, events] as const;
    }),
  );
  return Object.fromEntries(entries) as Timeline;
}
