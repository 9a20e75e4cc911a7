import "server-only";
import { withRedis } from "../redis";
import type { DeviceSession, SessionRecord, SessionStore, SessionUser } from "./types";

// Sessions in Redis: one key per session (its JSON, expiring by itself at the absolute end) and
// one set per person listing their session ids, so the devices page, revoking and "sign out
// everywhere" work as with the database. Slides and shortenings are Lua scripts, so each is one
// atomic step however many instances share the Redis.

const PREFIX = "auth-lab";
const sessionKey = (id: string) => `${PREFIX}:session:${id}`;
const userKey = (userId: string) => `${PREFIX}:user-sessions:${userId}`;

type Stored = {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  idleTimeoutSeconds: number | null;
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

const SHORTEN = `
local value = redis.call('GET', KEYS[1])
if not value then return 0 end
local session = cjson.decode(value)
session.idleTimeoutSeconds = tonumber(ARGV[1])
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

  async create(session: DeviceSession, user: SessionUser) {
    const stored: Stored = {
      userId: session.userId,
      createdAt: session.createdAt.getTime(),
      lastSeenAt: session.lastSeenAt.getTime(),
      idleExpiresAt: session.idleExpiresAt.getTime(),
      absoluteExpiresAt: session.absoluteExpiresAt.getTime(),
      idleTimeoutSeconds: session.idleTimeoutSeconds,
      userAgent: session.userAgent,
      ip: session.ip,
      email: user.email,
      name: user.name,
    };
    const end = stored.absoluteExpiresAt;
    await withRedis((redis) =>
      redis
        .multi()
        .set(sessionKey(session.id), JSON.stringify(stored), "PXAT", end)
        .sadd(userKey(session.userId), session.id)
        .pexpireat(userKey(session.userId), end)
        .exec(),
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
    };
    return {
      session,
      user: { id: stored.userId, email: stored.email, name: stored.name },
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

  async shorten(id, idleTimeoutSeconds, at, idleExpiresAt) {
    const done = await withRedis((redis) =>
      redis.eval(
        SHORTEN,
        1,
        sessionKey(id),
        idleTimeoutSeconds,
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
