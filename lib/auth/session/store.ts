import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { generateToken, hashToken } from "../tokens";
import { sessionLifetimes } from "./config";

// The session model, top to bottom: a random token goes to the browser (sealed), its SHA-256 is
// the row's id, and every request looks the row up with its user in one query.

export type SessionRecord = {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** Set only by the lab's expiry experiment, for this one session. */
  idleTimeoutSeconds: number | null;
};
export type SessionUser = { id: string; email: string; name: string | null };
export type SessionValidation =
  | { session: SessionRecord; user: SessionUser }
  | { session: null; user: null; expired?: "idle" | "absolute" };

const SESSION_FIELDS = {
  id: true,
  userId: true,
  createdAt: true,
  lastSeenAt: true,
  idleExpiresAt: true,
  absoluteExpiresAt: true,
  idleTimeoutSeconds: true,
} as const;

type SessionRow = SessionRecord & { email: string; name: string | null };

/** Session and user in one round trip: this runs on every request. */
async function findSessionWithUser(id: string): Promise<SessionValidation> {
  const rows = await getDb().$queryRaw<SessionRow[]>`
    SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt",
           s."idleTimeoutSeconds", u."email", u."name"
    FROM "CookieSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${id}`;
  const row = rows[0];
  if (!row) return { session: null, user: null };
  const { email, name, ...session } = row;
  return { session, user: { id: session.userId, email, name } };
}

export async function createSession(
  userId: string,
  context: RequestContext,
): Promise<{ token: string; session: SessionRecord }> {
  const token = generateToken();
  const { idleMs, absoluteMs } = sessionLifetimes();
  const now = Date.now();
  const session = await getDb().cookieSession.create({
    data: {
      id: hashToken(token),
      userId,
      idleExpiresAt: new Date(now + idleMs),
      absoluteExpiresAt: new Date(now + absoluteMs),
      userAgent: context.userAgent,
      ip: context.ip,
    },
    select: SESSION_FIELDS,
  });
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
  const { session, user } = await findSessionWithUser(hashToken(token));
  if (!session) return { session: null, user: null };

  const now = Date.now();
  const expiredBy =
    now >= session.absoluteExpiresAt.getTime()
      ? "absolute"
      : now >= session.idleExpiresAt.getTime()
        ? "idle"
        : null;
  if (expiredBy && peek) return { session: null, user: null, expired: expiredBy };
  if (expiredBy) {
    // deleteMany: two requests may find the same expired row; only one of them logs it.
    const { count } = await getDb().cookieSession.deleteMany({ where: { id: session.id } });
    if (count > 0) {
      await recordEvent({
        type: "session.expired",
        strategy: "session",
        userId: user.id,
        detail: { reason: expiredBy },
      });
    }
    return { session: null, user: null, expired: expiredBy };
  }

  const { idleMs, touchIntervalMs } = sessionLifetimes(session.idleTimeoutSeconds);
  if (!peek && now - session.lastSeenAt.getTime() >= touchIntervalMs) {
    session.lastSeenAt = new Date(now);
    session.idleExpiresAt = new Date(Math.min(now + idleMs, session.absoluteExpiresAt.getTime()));
    // Only if the lab hasn't shortened the timeout since this row was read: a slide computed from
    // the old timeout must not undo it.
    await getDb().cookieSession.updateMany({
      where: { id: session.id, idleTimeoutSeconds: session.idleTimeoutSeconds },
      data: { lastSeenAt: session.lastSeenAt, idleExpiresAt: session.idleExpiresAt },
    });
  }
  return { session, user };
}

/**
 * The lab's expiry experiment: this session alone gets a shorter idle timeout, starting now.
 * Never longer than the configured one (sessionLifetimes takes the smaller).
 */
export async function shortenIdleTimeout(
  session: SessionRecord,
  seconds: number,
): Promise<SessionRecord | null> {
  const now = Date.now();
  const { idleMs } = sessionLifetimes(Math.min(seconds, session.idleTimeoutSeconds ?? Infinity));
  const updated = {
    ...session,
    idleTimeoutSeconds: idleMs / 1000,
    lastSeenAt: new Date(now),
    idleExpiresAt: new Date(Math.min(now + idleMs, session.absoluteExpiresAt.getTime())),
  };
  const { count } = await getDb().cookieSession.updateMany({
    where: { id: session.id },
    data: {
      idleTimeoutSeconds: updated.idleTimeoutSeconds,
      lastSeenAt: updated.lastSeenAt,
      idleExpiresAt: updated.idleExpiresAt,
    },
  });
  return count > 0 ? updated : null;
}

/** Ends one session of this person. False when it was not theirs or already gone. */
export async function invalidateSession(sessionId: string, userId: string): Promise<boolean> {
  const { count } = await getDb().cookieSession.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/** Ends every session of this person, except `keepSessionId` when given. Returns how many ended. */
export async function invalidateUserSessions(
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const { count } = await getDb().cookieSession.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}

export type DeviceSession = SessionRecord & { userAgent: string | null; ip: string | null };

export async function listUserSessions(userId: string): Promise<DeviceSession[]> {
  const now = new Date();
  return getDb().cookieSession.findMany({
    where: { userId, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { ...SESSION_FIELDS, userAgent: true, ip: true },
  });
}
