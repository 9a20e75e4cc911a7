import "server-only";
import {
  type RateLimiterAbstract,
  RateLimiterPrisma,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { StoreUnavailableError } from "./errors";
import { isRedisConfigured, redisClient, redisReady } from "./redis";

// Fixed-window counters for throttling, in the shared store. rate-limiter-flexible does the
// atomic increments; this is the one place that knows which of its stores is in use.

export type CounterState = { consumed: number; msBeforeNext: number };

export type Counter = {
  /** Adds `points` (negative gives back) atomically and returns the new state. */
  add(key: string, points: number): Promise<CounterState>;
  get(key: string): Promise<CounterState | null>;
  delete(key: string): Promise<void>;
};

export type CounterStore = {
  limiter(prefix: string, window: { points: number; duration: number }): Counter;
};

type Make = (options: {
  keyPrefix: string;
  points: number;
  duration: number;
}) => RateLimiterAbstract;

/** rate-limiter-flexible rejects with its result when a limit is hit, and with an error when the store is down. */
async function call<T>(store: "redis" | "database", work: () => Promise<T>): Promise<T> {
  try {
    if (store === "redis") await redisReady();
    return await work();
  } catch (error) {
    if (error instanceof RateLimiterRes) throw error;
    throw new StoreUnavailableError(store, { cause: error });
  }
}

export function counterStoreOn(make: Make, store: "redis" | "database"): CounterStore {
  const made = new Map<string, Counter>();
  return {
    limiter(prefix, { points, duration }) {
      const id = `${prefix}|${points}|${duration}`;
      let counter = made.get(id);
      if (!counter) {
        const limiter = make({ keyPrefix: prefix, points, duration });
        counter = {
          async add(key, by) {
            const state = await call(store, () =>
              by >= 0 ? limiter.penalty(key, by) : limiter.reward(key, -by),
            );
            return { consumed: state.consumedPoints, msBeforeNext: state.msBeforeNext };
          },
          async get(key) {
            const state = await call(store, () => limiter.get(key));
            return state
              ? { consumed: state.consumedPoints, msBeforeNext: state.msBeforeNext }
              : null;
          },
          async delete(key) {
            await call(store, () => limiter.delete(key));
          },
        };
        made.set(id, counter);
      }
      return counter;
    },
  };
}

let counters: CounterStore | undefined;

/** The counters in Redis when it is configured, in the database otherwise. */
export function counterStore(): CounterStore {
  counters ??= isRedisConfigured()
    ? counterStoreOn(
        (options) => new RateLimiterRedis({ storeClient: redisClient(), ...options }),
        "redis",
      )
    : counterStoreOn(
        (options) => new RateLimiterPrisma({ storeClient: getDb(), ...options }),
        "database",
      );
  return counters;
}
