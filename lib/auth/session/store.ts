import "server-only";
import type { User } from "@/lib/auth/user";
import { getDb, transaction, type Tx } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { writeTogether } from "@/lib/write-together";
import { type DeviceSession, type SessionRecord, sessionStore } from "@/lib/store/sessions";
import type { StoreName } from "@/lib/store/errors";
import { type AuthEventInput, eventStatementFor, recordEvent } from "../events";
import type { Provenance } from "../proof";
import { generateToken, hashToken } from "../tokens";
import { sessionLifetimes } from "./config";

// The session model, top to bottom: a random token goes to the browser (sealed), its SHA-256 is
// the session's id, and every request looks the session up with its person in one round trip.
// Where sessions live (database, Redis, or memory for the lab) is the store's business.

export type { DeviceSession, SessionRecord };
export type SessionValidation =
  | { session: SessionRecord; user: User }
  | {
      session: null;
      user: null;
      expired?: "idle" | "absolute";
      /** The cookie's seal didn't verify: altered, or sealed with a key this server doesn't hold. */
      tampered?: true;
      /** An authentic cookie whose session is gone: it expired earlier, or was ended elsewhere. */
      ended?: true;
      /** The store couldn't be asked: nobody is signed in until it answers again (fail closed). */
      unavailable?: StoreName;
    };

/**
 * Runs `work` with a client for the event log: one transaction with the store's writes when the
 * sessions live in the database; otherwise the store's own atomic step, then the log.
 */
export function withSessionStore<T>(work: (db: Tx) => Promise<T>): Promise<T> {
  return sessionStore().inDatabase ? transaction(work) : work(getDb());
}

/**
 * Deletes one session and logs `event` for its person, only if it was there (two requests ending
 * the same session log it once). With the database store one write, one round trip on a network
 * database; elsewhere the store's own atomic step, then the log line.
 */
/**
 * A short, non-secret name for a session (a prefix of its id, itself a hash): the devices page
 * names rows by it, and the log names the session an event was about.
 */
export const sessionHandle = (id: string) => id.slice(0, 16);

export async function endSession(
  id: string,
  event: Omit<AuthEventInput, "userId" | "strategy">,
): Promise<void> {
  const store = sessionStore();
  const logged = { ...event, strategy: "session" } as const;
  if (store.inDatabase) {
    await writeTogether([
      eventStatementFor(logged, {
        sql: `SELECT "userId" FROM "CookieSession" WHERE "id" = ?`,
        args: [id],
      }),
      { sql: `DELETE FROM "CookieSession" WHERE "id" = ?`, args: [id] },
    ]);
    return;
  }
  const ended = await store.delete(id);
  if (ended) await recordEvent({ ...logged, userId: ended.userId });
}

/** A session for `user`, carrying the proof it comes from and the epoch that proof was made under. */
export async function createSession(
  user: User,
  provenance: Provenance,
  context: RequestContext,
): Promise<{ token: string; session: SessionRecord }> {
  const token = generateToken();
  const { idleMs, absoluteMs } = sessionLifetimes();
  const now = new Date();
  const session: SessionRecord = {
    id: hashToken(token),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + idleMs),
    absoluteExpiresAt: new Date(now.getTime() + absoluteMs),
    idleTimeoutSeconds: null,
    epoch: provenance.epoch,
    authTime: provenance.authTime,
    authMethod: provenance.method,
  };
  await sessionStore().create({ ...session, userAgent: context.userAgent, ip: context.ip }, user);
  return { token, session };
}

/**
 * `peek: true` answers without writing anything: background polling (the lab's timeline) must
 * neither keep an idle session alive nor be the request that ends it.
 */
export async function validateSessionToken(
  token: string,
  { peek = false }: { peek?: boolean } = {},
): Promise<SessionValidation> {
  const store = sessionStore();
  const found = await store.find(hashToken(token));
  if (!found) return { session: null, user: null, ended: true };
  const { session, user } = found;
  // Made under an older epoch: the kill switch ended it (however its creation raced the switch).
  if (session.epoch < found.epoch) {
    if (!peek) await store.delete(session.id);
    return { session: null, user: null, ended: true };
  }

  const now = Date.now();
  const expiredBy =
    now >= session.absoluteExpiresAt.getTime()
      ? "absolute"
      : now >= session.idleExpiresAt.getTime()
        ? "idle"
        : null;
  if (expiredBy && peek) return { session: null, user: null, expired: expiredBy };
  if (expiredBy) {
    // Two requests may find the same expired session; only the one that deletes it logs it.
    // Which session, and whether the lab had shortened it: the lab later says why it ended.
    await endSession(session.id, {
      type: "session.expired",
      detail: {
        reason: expiredBy,
        session: sessionHandle(session.id),
        shortenedByLab: session.idleTimeoutSeconds !== null,
      },
    });
    return { session: null, user: null, expired: expiredBy };
  }

  const { idleMs, touchIntervalMs } = sessionLifetimes(session.idleTimeoutSeconds);
  if (!peek && now - session.lastSeenAt.getTime() >= touchIntervalMs) {
    session.lastSeenAt = new Date(now);
    session.idleExpiresAt = new Date(Math.min(now + idleMs, session.absoluteExpiresAt.getTime()));
    // Only if the lab hasn't shortened the timeout since this session was read: a slide computed
    // from the old timeout must not undo it.
    await store.touch(
      session.id,
      session.lastSeenAt,
      session.idleExpiresAt,
      session.idleTimeoutSeconds,
    );
  }
  return { session, user };
}

/** This session's idle timeout from now on (null: the configured one), its deadline moved to match. */
async function setIdleTimeout(
  session: SessionRecord,
  idleTimeoutSeconds: number | null,
): Promise<SessionRecord | null> {
  const now = Date.now();
  const { idleMs } = sessionLifetimes(idleTimeoutSeconds);
  const updated = {
    ...session,
    idleTimeoutSeconds: idleTimeoutSeconds === null ? null : idleMs / 1000,
    lastSeenAt: new Date(now),
    idleExpiresAt: new Date(Math.min(now + idleMs, session.absoluteExpiresAt.getTime())),
  };
  const done = await sessionStore().setIdleTimeout(
    session.id,
    updated.idleTimeoutSeconds,
    updated.lastSeenAt,
    updated.idleExpiresAt,
  );
  return done ? updated : null;
}

/**
 * The lab's expiry experiment: this session alone gets a shorter idle timeout, starting now.
 * Never longer than the configured one (sessionLifetimes takes the smaller).
 */
export const shortenIdleTimeout = (session: SessionRecord, seconds: number) =>
  setIdleTimeout(session, Math.min(seconds, session.idleTimeoutSeconds ?? Infinity));

/** Its undo: the configured idle timeout again, counted from now. Null when the session is gone. */
export const restoreIdleTimeout = (session: SessionRecord) => setIdleTimeout(session, null);

export async function listUserSessions(userId: string): Promise<DeviceSession[]> {
  return sessionStore().list(userId);
}
