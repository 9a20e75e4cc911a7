import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bucketStores, type Rule } from "./buckets";

// Rate buckets in both stores, as the throttles use them: a burst is let through exactly up to its
// limit however many hits race, a hit against several rules is all or nothing, a refused hit
// changes nothing, and a refund gives a hit back.

process.env.REDIS_URL = process.env.TEST_REDIS_URL;

const rule = (limit: number, periodSeconds = 60): Rule => ({
  key: `test:${randomUUID()}`,
  limit,
  periodSeconds,
});

describe.each(Object.entries(bucketStores))("buckets in the %s", (_name, store) => {
  it("let exactly `limit` of 30 concurrent hits through, and say when to come back", async () => {
    const burst = rule(5, 60);
    const results = await Promise.all(Array.from({ length: 30 }, () => store.hit([burst])));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    const refused = results.find((result) => !result.allowed);
    // After the burst, one hit every 60 s / 5 = 12 s.
    expect(refused).toMatchObject({ allowed: false, blockedKey: burst.key });
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThanOrEqual(11);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeLessThanOrEqual(12);
  });

  it("are all or nothing across rules: a refusal by one takes nothing from the others", async () => {
    const wide = rule(100);
    const narrow = rule(1);
    expect(await store.hit([wide, narrow])).toEqual({ allowed: true });
    const second = await store.hit([wide, narrow]);
    expect(second).toMatchObject({ allowed: false, blockedKey: narrow.key });
    // The wide bucket was given back its share of the refused hit: 99 more fit, not 98.
    const alone = await Promise.all(Array.from({ length: 100 }, () => store.hit([wide])));
    expect(alone.filter((result) => result.allowed)).toHaveLength(99);
  });

  it("take a hit back, or empty a bucket, on a refund", async () => {
    const small = rule(2);
    await store.hit([small]);
    await store.hit([small]);
    expect((await store.hit([small])).allowed).toBe(false);
    await store.refund([{ rule: small, clear: false }]);
    expect((await store.hit([small])).allowed).toBe(true);
    expect((await store.hit([small])).allowed).toBe(false);
    await store.refund([{ rule: small, clear: true }]);
    expect((await store.hit([small])).allowed).toBe(true);
    expect((await store.hit([small])).allowed).toBe(true);
  });

  it("refill steadily instead of locking a whole period", async () => {
    const quick = rule(2, 1);
    await store.hit([quick]);
    await store.hit([quick]);
    expect((await store.hit([quick])).allowed).toBe(false);
    // One interval (500 ms), not the whole period, brings one hit back.
    await new Promise((resolve) => setTimeout(resolve, 550));
    expect((await store.hit([quick])).allowed).toBe(true);
  });
});
