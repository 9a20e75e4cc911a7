import "server-only";
import { type RateLimiterAbstract, RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

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

export function counterStoreOn(make: Make): CounterStore {
  const made = new Map<string, Counter>();
  return {
    limiter(prefix, { points, duration }) {
      const id = `${prefix}|${points}|${duration}`;
      let counter = made.get(id);
      if (!counter) {
        const limiter = make({ keyPrefix: prefix, points, duration });
        counter = {
          async add(key, by) {
            const state = by >= 0 ? await limiter.penalty(key, by) : await limiter.reward(key, -by);
            return { consumed: state.consumedPoints, msBeforeNext: state.msBeforeNext };
          },
          async get(key) {
            const state = await limiter.get(key);
            return state
              ? { consumed: state.consumedPoints, msBeforeNext: state.msBeforeNext }
              : null;
          },
          async delete(key) {
            await limiter.delete(key);
          },
        };
        made.set(id, counter);
      }
      return counter;
    },
  };
}

let databaseCounters: CounterStore | undefined;

/** The counters in the database (rate-limiter-flexible's Prisma store). */
export function counterStore(): CounterStore {
  databaseCounters ??= counterStoreOn(
    (options) => new RateLimiterPrisma({ storeClient: getDb(), ...options }),
  );
  return databaseCounters;
}
