import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { readRow, toDate, WrongRowError } from "@/lib/sqlite-reads";
import type { DeviceSession, SessionRecord, SessionStore } from "./types";

// Sessions as rows of the CookieSession table, in the same database as everything else: shared by
// every instance, kept across restarts, and part of the same transactions as the rest.

const FIELDS = {
  id: true,
  userId: true,
  createdAt: true,
  lastSeenAt: true,
  idleExpiresAt: true,
  absoluteExpiresAt: true,
  idleTimeoutSeconds: true,
} as const;

type Row = SessionRecord & { email: string; name: string | null };

const FIND_SQL = `
  SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt",
         s."idleTimeoutSeconds", u."email", u."name"
  FROM "CookieSession" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."id" = ?`;

export const databaseSessions: SessionStore = {
  kind: "database",
  inDatabase: true,

  async create(session) {
    await getDb().cookieSession.create({ data: session, select: { id: true } });
  },

  async find(id) {
    // Every request: on the read-only connection when the database is a local file (no cache).
    const direct = await readRow<Record<keyof Row, unknown>>(FIND_SQL, id);
    if (direct !== null) {
      if (direct === undefined) return null;
      if (direct.id !== id) throw new WrongRowError();
      const session: SessionRecord = {
        id: direct.id as string,
        userId: direct.userId as string,
        createdAt: toDate(direct.createdAt),
        lastSeenAt: toDate(direct.lastSeenAt),
        idleExpiresAt: toDate(direct.idleExpiresAt),
        absoluteExpiresAt: toDate(direct.absoluteExpiresAt),
        idleTimeoutSeconds:
          direct.idleTimeoutSeconds === null ? null : Number(direct.idleTimeoutSeconds),
      };
      const user = {
        id: session.userId,
        email: direct.email as string,
        name: (direct.name as string | null) ?? null,
      };
      return { session, user };
    }
    // Session and user in one query (a findUnique with the relation would send two).
    const rows = await getDb().$queryRaw<Row[]>`
      SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt",
             s."idleTimeoutSeconds", u."email", u."name"
      FROM "CookieSession" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${id}`;
    const row = rows[0];
    if (!row) return null;
    const { email, name, ...session } = row;
    return { session, user: { id: session.userId, email, name } };
  },

  async touch(id, at, idleExpiresAt, idleTimeoutSeconds) {
    await getDb().cookieSession.updateMany({
      where: { id, idleTimeoutSeconds },
      data: { lastSeenAt: at, idleExpiresAt },
    });
  },

  async shorten(id, idleTimeoutSeconds, at, idleExpiresAt) {
    const { count } = await getDb().cookieSession.updateMany({
      where: { id },
      data: { idleTimeoutSeconds, lastSeenAt: at, idleExpiresAt },
    });
    return count > 0;
  },

  async delete(id, tx: Tx = getDb()) {
    const row = await tx.cookieSession.findUnique({ where: { id }, select: { userId: true } });
    const { count } = await tx.cookieSession.deleteMany({ where: { id } });
    return row && count > 0 ? row : null;
  },

  async deleteForUser(userId, exceptId, tx: Tx = getDb()) {
    const { count } = await tx.cookieSession.deleteMany({
      where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    return count;
  },

  async deleteByHandle(userId, handle, tx: Tx = getDb()) {
    const { count } = await tx.cookieSession.deleteMany({
      where: { userId, id: { startsWith: handle } },
    });
    return count > 0;
  },

  async list(userId): Promise<DeviceSession[]> {
    const now = new Date();
    return getDb().cookieSession.findMany({
      where: { userId, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
      orderBy: { lastSeenAt: "desc" },
      select: { ...FIELDS, userAgent: true, ip: true },
    });
  },
};
