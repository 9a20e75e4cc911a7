import "server-only";
import { getDb } from "@/lib/db";
import type { Probe } from "./self-request";

// What every experiment answers with: the requests and their answers, a verdict in words, and the
// events the run wrote to the auth log, so a result explains itself.

/**
 * An attack is refused, worked, or partly worked; a demonstration is shown (it proves a property,
 * nobody attacks anything); or there was nothing to try yet.
 */
export type Outcome = "refused" | "worked" | "partly" | "shown" | "nothing-to-try";
export type Verdict = { outcome: Outcome; headline: string; reason: string };
export type LoggedEvent = { type: string; strategy: string; detail: Record<string, unknown> };
/** A measured or observed value the result rests on (a size, a time, a decoded claim). */
export type Fact = { name: string; value: string; note?: string };

export type ExperimentResult = {
  experiment: string;
  probes: Probe[];
  /** What was observed besides requests: decoded claims, sizes, timings. */
  facts?: Fact[];
  verdict: Verdict;
  events: LoggedEvent[];
  /** The replay experiment: until when a stateless service still accepts the copied token. */
  downstreamAcceptsUntil?: number | null;
  ranAt: string;
};

export const nothingToTry = (experiment: string, needs: string): ExperimentResult => ({
  experiment,
  probes: [],
  verdict: { outcome: "nothing-to-try", headline: "Nothing to try yet", reason: needs },
  events: [],
  ranAt: new Date().toISOString(),
});

/** The auth events of these people written since `since` (what the run did to the log). */
export async function eventsSince(userIds: string[], since: Date): Promise<LoggedEvent[]> {
  if (userIds.length === 0) return [];
  const rows = await getDb().authEvent.findMany({
    where: { userId: { in: userIds }, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { type: true, strategy: true, detail: true },
    take: 30,
  });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

/** Codes of the refusals, for a reason sentence: "bad_signature, invalid_token". */
export const codesOf = (probes: Probe[]) =>
  [...new Set(probes.filter((p) => p.status >= 400).map((p) => p.code ?? String(p.status)))].join(
    ", ",
  );
