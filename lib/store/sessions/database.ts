import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { proofMethodOf } from "@/lib/auth/proof";
import { readOne, type Row, toDate } from "@/lib/sqlite-reads";
import type { DeviceSession, SessionRecord, SessionStore } from "./types";

// Sessions as rows of the CookieSession table, in the same database as everything else: shared by
// every instance, kept across restarts, and part of the same transactions as the rest. The
// person's epoch is their User row's: the kill switch bumps it in its own transaction.

const FIELDS = {
  id: true,
  userId: true,
  createdAt: true,
  lastSeenAt: true,
  idleExpiresAt: true,
  absoluteExpiresAt: true,
  idleTimeoutSeconds: true,
  epoch: true,
  authTime: true,
  authMethod: true,
} as const;

// Session and person in one query (a findUnique with the relation would send two).
const FIND_SQL = `
  SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt",
         s."idleTimeoutSeconds", s."epoch", s."authTime", s."authMethod",
         u."email", u."name", u."epoch" AS "userEpoch"
  FROM "CookieSession" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."id" = ?`;

function found(row: Row) {
  const session: SessionRecord = {
    id: row.id as string,
    userId: row.userId as string,
    createdAt: toDate(row.createdAt),
    lastSeenAt: toDate(row.lastSeenAt),
    idleExpiresAt: toDate(row.idleExpiresAt),
    absoluteExpiresAt: toDate(row.absoluteExpiresAt),
    idleTimeoutSeconds: row.idleTimeoutSeconds === null ? null : Number(row.idleTimeoutSeconds),
    epoch: Number(row.epoch),
    authTime: toDate(row.authTime),
    authMethod: proofMethodOf(row.authMethod),
  };
  const user = {
    id: session.userId,
    email: row.email as string,
    name: (row.name as string | null) ?? null,
  };
  return { session, user, epoch: Number(row.userEpoch) };
}

const asRecord = <Row extends { authMethod: string }>(row: Row) => ({
  ...row,
  authMethod: proofMethodOf(row.authMethod),
});

export const databaseSessions: SessionStore = {
  kind: "database",
  inDatabase: true,

  async create(session) {
    await getDb().cookieSession.create({ data: session, select: { id: true } });
  },

  // Every request: one row, nothing cached (lib/sqlite-reads.ts).
  find: async (id) => (await readOne(FIND_SQL, [id], { column: "id", value: id }, found)) ?? null,

  async touch(id, at, idleExpiresAt, idleTimeoutSeconds) {
    await getDb().cookieSession.updateMany({
      where: { id, idleTimeoutSeconds },
      data: { lastSeenAt: at, idleExpiresAt },
    });
  },

  async setIdleTimeout(id, idleTimeoutSeconds, at, idleExpiresAt) {
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

  // The epoch itself is the User row's, bumped by the caller in the same transaction.
  async endForUser(userId, _epoch, tx: Tx = getDb()) {
    return databaseSessions.deleteForUser(userId, undefined, tx);
  },

  // The floor is the person's own epoch column: a failed transaction rolled it back already.
  async undoFloor() {},

  async deleteByHandle(userId, handle, tx: Tx = getDb()) {
    const { count } = await tx.cookieSession.deleteMany({
      where: { userId, id: { startsWith: handle } },
    });
    return count > 0;
  },

  async list(userId): Promise<DeviceSession[]> {
    const now = new Date();
    const rows = await getDb().cookieSession.findMany({
      where: {
        userId,
        idleExpiresAt: { gt: now },
        absoluteExpiresAt: { gt: now },
        epoch: { equals: (await currentEpoch(userId)) ?? -1 },
      },
      orderBy: { lastSeenAt: "desc" },
      select: { ...FIELDS, userAgent: true, ip: true },
    });
    return rows.map(asRecord);
  },
};

async function currentEpoch(userId: string): Promise<number | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { epoch: true } });
  return user?.epoch ?? null;
}
