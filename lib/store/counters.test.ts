import { randomUUID } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRedis } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { counterStoreOn } from "./counters";
import { redisClient } from "./redis";

// The throttle's counters in both stores: atomic increments, so a burst can't slip past a limit.

process.env.REDIS_URL = process.env.TEST_REDIS_URL;

describe.each([
  [
    "database",
    counterStoreOn(
      (options) => new RateLimiterPrisma({ storeClient: getDb(), ...options }),
      "database",
    ),
  ],
  [
    "redis",
    counterStoreOn(
      (options) => new RateLimiterRedis({ storeClient: redisClient(), ...options }),
      "redis",
    ),
  ],
])("counters in the %s", (_store, counters) => {
  it("count 30 concurrent additions exactly, give back, and forget", async () => {
    const counter = counters.limiter(`test-${randomUUID()}`, { points: 5, duration: 60 });
    const states = await Promise.all(Array.from({ length: 30 }, () => counter.add("key", 1)));
    expect(states.map((state) => state.consumed).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(states.filter((state) => state.consumed <= 5)).toHaveLength(5);
    await counter.add("key", -1);
    expect((await counter.get("key"))?.consumed).toBe(29);
    await counter.delete("key");
    expect(await counter.get("key")).toBeNull();
  });
});
