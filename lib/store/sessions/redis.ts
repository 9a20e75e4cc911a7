import "server-only";
import type { User } from "@/lib/auth/user";
import { proofMethodOf } from "@/lib/auth/proof";
import { getEnv } from "@/lib/env";
import { withRedis } from "../redis";
import type { DeviceSession, SessionRecord, SessionStore } from "./types";

// Sessions in Redis: one key per session (its JSON, expiring by itself at the absolute end) and
// one set per person listing their session ids, so the devices page, revoking and "sign out
// everywhere" work as with the database. Slides and shortenings are Lua scripts, so each is one
// atomic step however many instances share the Redis.
//
// The epoch: the kill switch records the person's new epoch here (a floor) before it ends their
// sessions, and a session is created only if its epoch is not below the floor, in one atomic step.
// So a sign-in that read the old epoch and is still on its way either lands before the floor (and
// is in the set the kill switch then empties) or after it (and is refused): none survives.

const PREFIX = "auth-lab";
const sessionKey = (id: string) => `${PREFIX}:session:${id}`;
const userKey = (userId: string) => `${PREFIX}:user-sessions:${userId}`;
const epochKey = (userId: string) => `${PREFIX}:epoch:${userId}`;

type Stored = {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  idleTimeoutSeconds: number | null;
  epoch: number;
  authTime: number;
  authMethod: string;
  userAgent: string | null;
  ip: string | null;
  email: string;
  name: string | null;
};

function toRecord(id: string, stored: Stored): DeviceSession {
  return {
    id,
    userId: stored.userId,
    createdAt: new Date(stored.createdAt),
    lastSeenAt: new Date(stored.lastSeenAt),
    idleExpiresAt: new Date(stored.idleExpiresAt),
    absoluteExpiresAt: new Date(stored.absoluteExpiresAt),
    idleTimeoutSeconds: stored.idleTimeoutSeconds,
    epoch: stored.epoch,
    authTime: new Date(stored.authTime),
    authMethod: proofMethodOf(stored.authMethod),
    userAgent: stored.userAgent,
    ip: stored.ip,
  };
}

const parse = (value: string | null): Stored | null =>
  value === null ? null : (JSON.parse(value) as Stored);

// KEEPTTL: the key still expires at the session's absolute end.
const TOUCH = `
local value = redis.call('GET', KEYS[1])
if not value then return 0 end
local session = cjson.decode(value)
local expected = ARGV[3]
local current = session.idleTimeoutSeconds
if current == cjson.null then current = '' else current = tostring(current) end
if current ~= expected then return 0 end
session.lastSeenAt = tonumber(ARGV[1])
session.idleExpiresAt = tonumber(ARGV[2])
redis.call('SET', KEYS[1], cjson.encode(session), 'KEEPTTL')
return 1`;

// KEYS: the session, the person's set, the person's epoch floor. ARGV: the JSON, its absolute end
// (ms), its epoch, its id. Nothing is stored when a kill switch has moved the floor past that epoch.
const CREATE = `
local floor = tonumber(redis.call('GET', KEYS[3]) or '-1')
if floor > tonumber(ARGV[3]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[4])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return 1`;

// KEYS: the floor. ARGV: the new epoch, how long to keep it (ms: the longest a session lives).
const RAISE_FLOOR = `
local floor = tonumber(redis.call('GET', KEYS[1]) or '-1')
local epoch = tonumber(ARGV[1])
if epoch > floor then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

// The floor back one step, only if it is still the one this kill switch raised.
const LOWER_FLOOR = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') end
return 1`;

// ARGV[1] is empty for "the configured timeout again" (stored as JSON null, as a new session is).
const SET_IDLE_TIMEOUT = `
local value = redis.call('GET', KEYS[1])
if not value then return 0 end
local session = cjson.decode(value)
if ARGV[1] == '' then session.idleTimeoutSeconds = cjson.null else session.idleTimeoutSeconds = tonumber(ARGV[1]) end
session.lastSeenAt = tonumber(ARGV[2])
session.idleExpiresAt = tonumber(ARGV[3])
redis.call('SET', KEYS[1], cjson.encode(session), 'KEEPTTL')
return 1`;

async function deleteIds(userId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return withRedis(async (redis) => {
    const results = await redis
      .multi()
      .del(...ids.map(sessionKey))
      .srem(userKey(userId), ...ids)
      .exec();
    return Number(results?.[0]?.[1] ?? 0);
  });
}

export const redisSessions: SessionStore = {
  kind: "redis",
  inDatabase: false,

  async create(session: DeviceSession, user: User) {
    const stored: Stored = {
      userId: session.userId,
      createdAt: session.createdAt.getTime(),
      lastSeenAt: session.lastSeenAt.getTime(),
      idleExpiresAt: session.idleExpiresAt.getTime(),
      absoluteExpiresAt: session.absoluteExpiresAt.getTime(),
      idleTimeoutSeconds: session.idleTimeoutSeconds,
      epoch: session.epoch,
      authTime: session.authTime.getTime(),
      authMethod: session.authMethod,
      userAgent: session.userAgent,
      ip: session.ip,
      email: user.email,
      name: user.name,
    };
    // Refused by the floor: the session is simply not there, so the cookie's first use finds it
    // ended, exactly as with the database store (where the guard compares the epochs).
    await withRedis((redis) =>
      redis.eval(
        CREATE,
        3,
        sessionKey(session.id),
        userKey(session.userId),
        epochKey(session.userId),
        JSON.stringify(stored),
        stored.absoluteExpiresAt,
        stored.epoch,
        session.id,
      ),
    );
  },

  async find(id) {
    const stored = parse(await withRedis((redis) => redis.get(sessionKey(id))));
    if (!stored) return null;
    const record = toRecord(id, stored);
    const session: SessionRecord = {
      id,
      userId: record.userId,
      createdAt: record.createdAt,
      lastSeenAt: record.lastSeenAt,
      idleExpiresAt: record.idleExpiresAt,
      absoluteExpiresAt: record.absoluteExpiresAt,
      idleTimeoutSeconds: record.idleTimeoutSeconds,
      epoch: record.epoch,
      authTime: record.authTime,
      authMethod: record.authMethod,
    };
    return {
      session,
      user: { id: stored.userId, email: stored.email, name: stored.name },
      // Checked when the session was stored (CREATE) and when the kill switch emptied the set.
      epoch: record.epoch,
    };
  },

  async touch(id, at, idleExpiresAt, idleTimeoutSeconds) {
    await withRedis((redis) =>
      redis.eval(
        TOUCH,
        1,
        sessionKey(id),
        at.getTime(),
        idleExpiresAt.getTime(),
        idleTimeoutSeconds === null ? "" : String(idleTimeoutSeconds),
      ),
    );
  },

  async setIdleTimeout(id, idleTimeoutSeconds, at, idleExpiresAt) {
    const done = await withRedis((redis) =>
      redis.eval(
        SET_IDLE_TIMEOUT,
        1,
        sessionKey(id),
        idleTimeoutSeconds === null ? "" : String(idleTimeoutSeconds),
        at.getTime(),
        idleExpiresAt.getTime(),
      ),
    );
    return Number(done) === 1;
  },

  async delete(id) {
    const stored = parse(await withRedis((redis) => redis.get(sessionKey(id))));
    if (!stored) return null;
    return (await deleteIds(stored.userId, [id])) > 0 ? { userId: stored.userId } : null;
  },

  async deleteForUser(userId, exceptId) {
    const ids = await withRedis((redis) => redis.smembers(userKey(userId)));
    return deleteIds(
      userId,
      ids.filter((id) => id !== exceptId),
    );
  },

  async endForUser(userId, epoch) {
    // The floor first: from here on no session under an older epoch can be stored. It is kept as
    // long as a session lives; older sessions are gone by then anyway.
    const keepMs = getEnv().SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000;
    await withRedis((redis) => redis.eval(RAISE_FLOOR, 1, epochKey(userId), epoch, keepMs));
    return redisSessions.deleteForUser(userId);
  },

  async undoFloor(userId, epoch) {
    await withRedis((redis) =>
      redis.eval(LOWER_FLOOR, 1, epochKey(userId), String(epoch), String(epoch - 1)),
    );
  },

  async deleteByHandle(userId, handle) {
    const ids = await withRedis((redis) => redis.smembers(userKey(userId)));
    const id = ids.find((candidate) => candidate.startsWith(handle));
    return id ? (await deleteIds(userId, [id])) > 0 : false;
  },

  async list(userId) {
    const ids = await withRedis((redis) => redis.smembers(userKey(userId)));
    if (ids.length === 0) return [];
    const values = await withRedis((redis) => redis.mget(...ids.map(sessionKey)));
    const now = Date.now();
    const live: DeviceSession[] = [];
    const gone: string[] = [];
    ids.forEach((id, i) => {
      const stored = parse(values[i] ?? null);
      if (!stored) gone.push(id);
      else if (stored.idleExpiresAt > now && stored.absoluteExpiresAt > now)
        live.push(toRecord(id, stored));
    });
    // Keys that expired on their own leave their id in the set: tidy it while here.
    if (gone.length > 0) await withRedis((redis) => redis.srem(userKey(userId), ...gone));
    return live.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  },
};
