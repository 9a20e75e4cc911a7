import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { SqlValue, Statement } from "@/lib/write-together";
import { StoreUnavailableError } from "./errors";
import { isRedisConfigured, withRedis } from "./redis";

// Rate buckets for throttling, shared by every instance: in Redis when it is configured, in the
// database otherwise. A rule is a rate (`limit` per `periodSeconds`) applied with the generic cell
// rate algorithm (GCRA): up to `limit` at once, then one every period/limit. A key's whole state
// is one number, its "theoretical arrival time" (tat): a hit is let through while
// tat - now <= period - period/limit, and moves tat one interval on. So a bucket that was emptied
// in a burst refills steadily instead of locking for a whole window, and a refused hit changes
// nothing at all: an attacker who keeps going doesn't keep a window open.
//
// A hit against several rules (an account, an address, both together) is all or nothing, and it
// costs one round trip: one Lua script in Redis, one statement in the database (the rare partial
// case gives back in a second one). A success's refund can ride along with the sign-in's own
// writes in the database (see BucketStore.refund).

export type Rule = { key: string; limit: number; periodSeconds: number };
export type HitResult =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; blockedKey: string };
/** After a success: a bucket emptied (`clear`), or one hit given back. */
export type Refund = { rule: Rule; clear: boolean };

export interface BucketStore {
  hit(rules: Rule[]): Promise<HitResult>;
  /**
   * Gives back after a success. With `alongside`, the database store adds its one statement there
   * instead of sending it, for the caller to write with its own in one round trip
   * (lib/write-together.ts); Redis refunds at once either way (it is another store).
   */
  refund(refunds: Refund[], alongside?: Statement[]): Promise<void>;
}

/** The interval between two hits once the burst is spent, and how far ahead tat may run. */
function shape(rule: Rule) {
  const periodMs = rule.periodSeconds * 1000;
  const interval = Math.max(1, Math.floor(periodMs / rule.limit));
  return { interval, tolerance: periodMs - interval };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const unique = (rules: Rule[]) => [...new Map(rules.map((rule) => [rule.key, rule])).values()];

// ---- the database: one upsert for all the rules ----------------------------------------------

type HitRow = { key: string; tat: number | bigint; lastHit: string };

/** A throttle that can't be asked refuses (a 503), like every other store that is down. */
async function inDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StoreUnavailableError("database", { cause: error });
  }
}

const sqlBuckets: BucketStore = {
  async hit(given) {
    const rules = unique(given);
    const now = Date.now();
    // The hit's own id: a row whose lastHit is it afterwards let this hit through.
    const id = randomUUID();
    const params: unknown[] = [];
    const slot = (value: unknown) => (params.push(value), "?");
    const values = rules
      .map((rule) => `(${slot(rule.key)}, ${slot(now + shape(rule).interval)}, ${slot(id)})`)
      .join(", ");
    const tolerance = () =>
      `CASE "key" ${rules.map((rule) => `WHEN ${slot(rule.key)} THEN ${slot(shape(rule).tolerance)}`).join(" ")} END`;
    const over = () => `MAX("tat", ${slot(now)}) - ${slot(now)} > (${tolerance()})`;
    // Every expression in SET reads the row as it was: both decide on the same old tat.
    const sql = `INSERT INTO "ThrottleBucket" ("key", "tat", "lastHit") VALUES ${values}
      ON CONFLICT ("key") DO UPDATE SET
        "tat" = CASE WHEN ${over()} THEN "tat" ELSE MAX("tat", ${slot(now)}) - ${slot(now)} + excluded."tat" END,
        "lastHit" = CASE WHEN ${over()} THEN "lastHit" ELSE excluded."lastHit" END
      RETURNING "key", "tat", "lastHit"`;
    const rows = await inDatabase(() => getDb().$queryRawUnsafe<HitRow[]>(sql, ...params));
    const refused = rows.filter((row) => row.lastHit !== id);
    if (refused.length === 0) return { allowed: true };
    const passed = rules.filter((rule) => !refused.some((row) => row.key === rule.key));
    if (passed.length > 0) await sqlBuckets.refund(passed.map((rule) => ({ rule, clear: false })));
    return blocked(
      refused.map((row) => ({ key: row.key, tat: Number(row.tat) })),
      rules,
      now,
    );
  },

  async refund(refunds, alongside) {
    if (refunds.length === 0) return;
    const statement = refundStatement(refunds);
    if (alongside) alongside.push(statement);
    else await inDatabase(() => getDb().$executeRawUnsafe(statement.sql, ...statement.args));
  },
};

/** One UPDATE for every refund: each bucket emptied, or moved back one interval. */
function refundStatement(refunds: Refund[]): Statement {
  const args: SqlValue[] = [];
  const slot = (value: SqlValue) => (args.push(value), "?");
  const cases = refunds
    .map(
      ({ rule, clear }) =>
        `WHEN ${slot(rule.key)} THEN ${clear ? "0" : `"tat" - ${slot(shape(rule).interval)}`}`,
    )
    .join(" ");
  const keys = refunds.map(({ rule }) => slot(rule.key)).join(", ");
  return {
    sql: `UPDATE "ThrottleBucket" SET "tat" = CASE "key" ${cases} END WHERE "key" IN (${keys})`,
    args,
  };
}

function blocked(refused: { key: string; tat: number }[], rules: Rule[], now: number): HitResult {
  let wait = 0;
  let blockedKey = refused[0]?.key ?? "";
  for (const { key, tat } of refused) {
    const rule = rules.find((candidate) => candidate.key === key);
    const ms = tat - (rule ? shape(rule).tolerance : 0) - now;
    if (ms > wait) [wait, blockedKey] = [ms, key];
  }
  return { allowed: false, retryAfterSeconds: seconds(wait), blockedKey };
}

// ---- Redis: one script for all the rules -----------------------------------------------------

const PREFIX = "auth-lab:bucket:";

// KEYS: the buckets. ARGV: now, then interval and tolerance of each bucket in turn. Returns {1}
// when every bucket let the hit through (and all moved on), else {0, wait, index of the slowest}.
const HIT = `
local now = tonumber(ARGV[1])
local next = {}
local wait, slowest = -1, 0
for i, key in ipairs(KEYS) do
  local interval, tolerance = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local tat = math.max(tonumber(redis.call('GET', key) or '0'), now)
  if tat - now > tolerance and tat - tolerance - now > wait then
    wait, slowest = tat - tolerance - now, i
  end
  next[i] = tat + interval
end
if slowest > 0 then return {0, wait, slowest} end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, string.format('%d', next[i]), 'PXAT', string.format('%d', next[i]))
end
return {1}`;

// ARGV: now, then for each bucket: how much to take back (-1 empties it).
const REFUND = `
local now = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local by = tonumber(ARGV[i + 1])
  local tat = tonumber(redis.call('GET', key) or '0')
  if by < 0 or tat - by <= now then
    redis.call('DEL', key)
  else
    redis.call('SET', key, string.format('%d', tat - by), 'PXAT', string.format('%d', tat - by))
  end
end
return 1`;

const redisBuckets: BucketStore = {
  async hit(given) {
    const rules = unique(given);
    const now = Date.now();
    const args = rules.flatMap((rule) => {
      const { interval, tolerance } = shape(rule);
      return [interval, tolerance];
    });
    const answer = (await withRedis((redis) =>
      redis.eval(HIT, rules.length, ...rules.map((rule) => PREFIX + rule.key), now, ...args),
    )) as number[];
    if (answer[0] === 1) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: seconds(Number(answer[1])),
      blockedKey: rules[Number(answer[2]) - 1]?.key ?? "",
    };
  },

  async refund(refunds) {
    if (refunds.length === 0) return;
    await withRedis((redis) =>
      redis.eval(
        REFUND,
        refunds.length,
        ...refunds.map(({ rule }) => PREFIX + rule.key),
        Date.now(),
        ...refunds.map(({ rule, clear }) => (clear ? -1 : shape(rule).interval)),
      ),
    );
  },
};

/** The buckets in Redis when it is configured, in the database otherwise. */
export function buckets(): BucketStore {
  return isRedisConfigured() ? redisBuckets : sqlBuckets;
}

/** Both stores, for their tests. */
export const bucketStores = { database: sqlBuckets, redis: redisBuckets } as const;
