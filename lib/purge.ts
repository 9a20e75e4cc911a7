import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { DEMO_EMAIL_DOMAIN, THROWAWAY_EMAIL_DOMAIN } from "@/lib/auth/throwaway";

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
  | "providerIntents"
  | "passkeyChallenges"
  | "events"
  | "buckets"
  | "oauthFlows"
  | "labKeys"
  | "proofPeople"
  | "demoPeople",
  number
>;

export async function purgeExpired(now = new Date()): Promise<Purged> {
  const db = getDb();
  const env = getEnv();
  const oauthAbsoluteStart = new Date(
    now.getTime() - env.OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000,
  );
  const familyCutoff = new Date(now.getTime() - DAY_MS);
  const proofCutoff = new Date(now.getTime() - 10 * 60 * 1000);
  // A demo person's longest credential (a session or a refresh family) has ended by then.
  const demoCutoff = new Date(
    now.getTime() -
      Math.max(
        env.SESSION_ABSOLUTE_LIFETIME_SECONDS,
        env.JWT_REFRESH_TTL_SECONDS,
        env.OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS,
      ) *
        1000,
  );
  const idleCutoff = new Date(familyCutoff.getTime() - env.JWT_REFRESH_IDLE_SECONDS * 1000);
  const [
    sessions,
    families,
    deniedTokens,
    oauthSessions,
    providerIntents,
    passkeyChallenges,
    events,
    buckets,
    oauthFlows,
    labKeys,
    proofPeople,
    demoPeople,
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
    db.providerIntent.deleteMany({ where: { expiresAt: { lte: now } } }),
    // Abandoned passkey ceremonies (Redis ones expire by themselves).
    db.passkeyChallenge.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.authEvent.deleteMany({
      where: {
        createdAt: { lte: new Date(now.getTime() - env.AUTH_EVENT_RETENTION_DAYS * DAY_MS) },
      },
    }),
    // A bucket whose theoretical arrival time has passed is as good as absent.
    db.throttleBucket.deleteMany({ where: { tat: { lte: BigInt(now.getTime()) } } }),
    db.oAuthFlow.deleteMany({ where: { expiresAt: { lte: now } } }),
    // A lab key lives an hour; retired or not, it stays a day, so the lab can show how it ended.
    db.labSigningKey.deleteMany({
      where: { OR: [{ retiredAt: { lte: familyCutoff } }, { createdAt: { lte: familyCutoff } }] },
    }),
    // Throwaway people: the proofs' (removed as they finish; these are leftovers of a crash), and
    // demo people whose every credential has ended.
    db.user.deleteMany({
      where: { email: { endsWith: THROWAWAY_EMAIL_DOMAIN }, createdAt: { lte: proofCutoff } },
    }),
    db.user.deleteMany({
      where: { email: { endsWith: DEMO_EMAIL_DOMAIN }, createdAt: { lte: demoCutoff } },
    }),
  ]);
  return {
    sessions: sessions.count,
    families: families.count,
    deniedTokens: deniedTokens.count,
    oauthSessions: oauthSessions.count,
    providerIntents: providerIntents.count,
    passkeyChallenges: passkeyChallenges.count,
    events: events.count,
    buckets: buckets.count,
    oauthFlows: oauthFlows.count,
    labKeys: labKeys.count,
    proofPeople: proofPeople.count,
    demoPeople: demoPeople.count,
  };
}

/**
 * Purges every PURGE_INTERVAL_SECONDS on a long-running server, the first time a minute after
 * start (no request waits behind it); the timer never keeps the process alive.
 */
export function startPurging(): void {
  const run = () =>
    purgeExpired().catch((error: unknown) =>
      console.error("purge failed:", error instanceof Error ? error.message : "unknown error"),
    );
  setTimeout(run, 60_000).unref();
  setInterval(run, getEnv().PURGE_INTERVAL_SECONDS * 1000).unref();
}
