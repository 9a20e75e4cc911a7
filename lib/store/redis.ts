import "server-only";
import type Redis from "ioredis";
import { getEnv } from "@/lib/env";
import { StoreUnavailableError } from "./errors";

// One Redis client per process (kept across hot reloads in development). It fails fast instead of
// queueing: while Redis is down every call throws StoreUnavailableError at once (a 503, never a
// wait), and the client keeps reconnecting in the background, so recovery needs no restart.
// A connection that went silent (dropped without a reset, as when a serverless function is frozen
// and thawed, or a network path dies) is caught by the command timeout: the call fails within
// REDIS_TIMEOUT_MS and the client reconnects. The same code talks to a local redis-server and to
// a hosted Redis such as Upstash (rediss://).

/** How long a connection or a command may take before the call is a 503 (about a second). */
export const REDIS_TIMEOUT_MS = 1000;

const globalForRedis = globalThis as typeof globalThis & {
  authLabRedis?: Redis;
  authLabRedisReadyOnce?: boolean;
};

export function isRedisConfigured(): boolean {
  return Boolean(getEnv().REDIS_URL);
}

/** ioredis loads with the first call that needs it: a deployment without Redis never loads it. */
let ioredis: Promise<{ default: typeof Redis }> | undefined;

async function client(): Promise<Redis> {
  const { default: Redis } = await (ioredis ??= import("ioredis"));
  if (!globalForRedis.authLabRedis || globalForRedis.authLabRedis.status === "end") {
    globalForRedis.authLabRedisReadyOnce = false;
    const url = getEnv().REDIS_URL;
    if (!url) throw new Error("REDIS_URL is not set");
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: REDIS_TIMEOUT_MS,
      commandTimeout: REDIS_TIMEOUT_MS,
      // TCP keep-alive probes after a second idle, so a dead peer is noticed between requests too.
      keepAlive: 1000,
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
function firstConnection(redis: Redis, timeoutMs = REDIS_TIMEOUT_MS): Promise<void> {
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
    const redis = await client();
    await firstConnection(redis);
    return await work(redis);
  } catch (error) {
    // A command that timed out leaves a connection nobody answers on: start a fresh one.
    if (error instanceof Error && /timed out/i.test(error.message))
      globalForRedis.authLabRedis?.disconnect(true);
    throw new StoreUnavailableError("redis", { cause: error });
  }
}

export async function redisReachable(): Promise<boolean> {
  try {
    return (await withRedis((redis) => redis.ping())) === "PONG";
  } catch {
    return false;
  }
}
