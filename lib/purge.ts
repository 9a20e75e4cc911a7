import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Rows that can no longer authenticate anyone are deleted, on a timer in every server process
// (instrumentation.ts) and idempotently, so several instances purging at once is harmless. The
// event log keeps AUTH_EVENT_RETENTION_DAYS of history. Revoked or expired refresh families stay
// a day after their end, so the tokens page can still show how they ended.

const DAY_MS = 24 * 60 * 60 * 1000;

export type Purged = Record<
  | "sessions"
  | "families"
  | "deniedTokens"
  | "oauthSessions"
  | "linkIntents"
  | "events"
  | "counters"
  | "oauthFlows"
  | "labKeys",
  number
>;

export async function purgeExpired(now = new Date()): Promise<Purged> {
  const db = getDb();
  const env = getEnv();
  const oauthAbsoluteStart = new Date(
    now.getTime() - env.OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000,
  );
  const familyCutoff = new Date(now.getTime() - DAY_MS);
  const idleCutoff = new Date(familyCutoff.getTime() - env.JWT_REFRESH_IDLE_SECONDS * 1000);
  const [
    sessions,
    families,
    deniedTokens,
    oauthSessions,
    linkIntents,
    events,
    counters,
    oauthFlows,
    labKeys,
  ] = await Promise.all([
    db.cookieSession.deleteMany({
      where: { OR: [{ absoluteExpiresAt: { lte: now } }, { idleExpiresAt: { lte: now } }] },
    }),
    db.refreshFamily.deleteMany({
      where: {
        OR: [
          { expiresAt: { lte: familyCutoff } },
          { revokedAt: { lte: familyCutoff } },
          { lastUsedAt: { lte: idleCutoff } },
        ],
      },
    }),
    db.revokedAccessToken.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.session.deleteMany({
      where: { OR: [{ expires: { lte: now } }, { createdAt: { lte: oauthAbsoluteStart } }] },
    }),
    db.linkIntent.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.authEvent.deleteMany({
      where: {
        createdAt: { lte: new Date(now.getTime() - env.AUTH_EVENT_RETENTION_DAYS * DAY_MS) },
      },
    }),
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lte: now } } }),
    db.oAuthFlow.deleteMany({ where: { expiresAt: { lte: now } } }),
    // A retired lab key stays a day, so the lab can still show how it ended.
    db.labSigningKey.deleteMany({ where: { retiredAt: { lte: familyCutoff } } }),
  ]);
  return {
    sessions: sessions.count,
    families: families.count,
    deniedTokens: deniedTokens.count,
    oauthSessions: oauthSessions.count,
    linkIntents: linkIntents.count,
    events: events.count,
    counters: counters.count,
    oauthFlows: oauthFlows.count,
    labKeys: labKeys.count,
  };
}

/** Purges now and every PURGE_INTERVAL_SECONDS; the timer never keeps the process alive. */
export function startPurging(): void {
  const run = () =>
    purgeExpired().catch((error: unknown) =>
      console.error("purge failed:", error instanceof Error ? error.message : "unknown error"),
    );
  void run();
  setInterval(run, getEnv().PURGE_INTERVAL_SECONDS * 1000).unref();
}
