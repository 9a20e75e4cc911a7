import "server-only";
import Redis from "ioredis";
import { getEnv } from "@/lib/env";
import { StoreUnavailableError } from "./errors";

// One Redis client per process (kept across hot reloads in development). It fails fast instead of
// queueing: while Redis is down every call throws StoreUnavailableError at once (a 503, never a
// wait), and the client keeps reconnecting in the background, so recovery needs no restart.
// The same code talks to a local redis-server and to a hosted Redis such as Upstash (rediss://).

const globalForRedis = globalThis as typeof globalThis & {
  authLabRedis?: Redis;
  authLabRedisReadyOnce?: boolean;
};

export function isRedisConfigured(): boolean {
  return Boolean(getEnv().REDIS_URL);
}

function client(): Redis {
  if (!globalForRedis.authLabRedis || globalForRedis.authLabRedis.status === "end") {
    globalForRedis.authLabRedisReadyOnce = false;
    const url = getEnv().REDIS_URL;
    if (!url) throw new Error("REDIS_URL is not set");
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
    });
    // Errors surface on the calls that meet them; the client itself must never crash the process.
    redis.on("error", () => undefined);
    redis.on("ready", () => {
      globalForRedis.authLabRedisReadyOnce = true;
    });
    globalForRedis.authLabRedis = redis;
  }
  return globalForRedis.authLabRedis;
}

/** Until the first connection, a call waits for it (briefly); after that, it never waits. */
function firstConnection(redis: Redis, timeoutMs = 2000): Promise<void> {
  if (redis.status === "ready" || globalForRedis.authLabRedisReadyOnce) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once("ready", done);
  });
}

/** Runs `work` against Redis; any failure to reach it is a StoreUnavailableError. */
export async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  try {
    const redis = client();
    await firstConnection(redis);
    return await work(redis);
  } catch (error) {
    throw new StoreUnavailableError("redis", { cause: error });
  }
}

/** At start: wait a little for the first connection, so the first requests don't meet a 503. */
export async function waitForRedis(timeoutMs = 5000): Promise<boolean> {
  const redis = client();
  await firstConnection(redis, timeoutMs);
  return redis.status === "ready";
}

export async function redisReachable(): Promise<boolean> {
  try {
    return (await client().ping()) === "PONG";
  } catch {
    return false;
  }
}
