import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createLoginThrottle, type ThrottleLimits } from "./rate-limit";

// Real counters in the test database. Every test gets its own key prefix, accounts and
// addresses, so tests never share a counter.

/** A random address in the IPv6 documentation range (2001:db8::/32). */
function randomIp(): string {
  const groups = randomBytes(12).toString("hex").match(/.{4}/g) ?? [];
  return ["2001", "db8", ...groups].join(":");
}

const randomEmail = () => `${randomUUID()}@test.authlab`;

function throttleWith(overrides: Partial<ThrottleLimits> = {}) {
  const limits: ThrottleLimits = {
    accountIp: { points: 3, duration: 60 },
    account: { points: 5, duration: 60 },
    ip: { points: 8, duration: 60 },
    device: { points: 4, duration: 60 },
    ...overrides,
  };
  return createLoginThrottle(limits, `test-${randomUUID()}`);
}

describe("createLoginThrottle", () => {
  it("allows an attempt before any failure", async () => {
    const throttle = throttleWith();
    await expect(throttle.check({ email: randomEmail(), ip: randomIp() })).resolves.toEqual({
      blocked: false,
    });
  });

  it("blocks an account from one address after N failures, for at most one window", async () => {
    const throttle = throttleWith();
    const keys = { email: randomEmail(), ip: randomIp() };

    for (let failure = 1; failure < 3; failure++) {
      await throttle.recordFailure(keys);
      await expect(throttle.check(keys)).resolves.toEqual({ blocked: false });
    }
    await throttle.recordFailure(keys);

    const verdict = await throttle.check(keys);
    expect(verdict).toEqual({
      blocked: true,
      scope: "accountIp",
      retryAfterSeconds: expect.any(Number),
    });
    if (!verdict.blocked) throw new Error("expected a block");
    expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
    expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("clears the account+address count on success", async () => {
    const throttle = throttleWith();
    const keys = { email: randomEmail(), ip: randomIp() };

    await throttle.recordFailure(keys);
    await throttle.recordFailure(keys);
    await throttle.recordSuccess(keys);
    await throttle.recordFailure(keys);
    await throttle.recordFailure(keys);
    // Four failures in all, but only two since the success: still below the limit of three.
    await expect(throttle.check(keys)).resolves.toEqual({ blocked: false });

    await throttle.recordFailure(keys);
    await expect(throttle.check(keys)).resolves.toMatchObject({
      blocked: true,
      scope: "accountIp",
    });
  });

  it("keeps the account-wide count of failures after a success from one address", async () => {
    const throttle = throttleWith({ account: { points: 4, duration: 60 } });
    const keys = { email: randomEmail(), ip: randomIp() };

    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // succeeded: its point is given back
    await throttle.recordSuccess(keys);
    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // failed

    // Four failures against the account: at its limit, whatever happened in between.
    await expect(throttle.check(keys)).resolves.toMatchObject({ blocked: true, scope: "account" });
  });

  it("does not block the account from another address until the account-wide limit", async () => {
    const throttle = throttleWith(); // 3 per account+address, 5 per account
    const email = randomEmail();
    const first = { email, ip: randomIp() };
    const second = { email, ip: randomIp() };

    for (let i = 0; i < 3; i++) await throttle.recordFailure(first);
    await expect(throttle.check(first)).resolves.toMatchObject({
      blocked: true,
      scope: "accountIp",
    });
    await expect(throttle.check(second)).resolves.toEqual({ blocked: false });

    await throttle.recordFailure(second);
    await expect(throttle.check(second)).resolves.toEqual({ blocked: false });
    await throttle.recordFailure(second); // the account's fifth failure

    await expect(throttle.check(second)).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
    await expect(throttle.check({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
    // Other accounts are untouched.
    await expect(throttle.check({ email: randomEmail(), ip: second.ip })).resolves.toEqual({
      blocked: false,
    });
  });

  it("blocks a new account from an address that reached the address limit", async () => {
    const throttle = throttleWith({ ip: { points: 4, duration: 60 } });
    const ip = randomIp();

    for (let i = 0; i < 4; i++) await throttle.recordFailure({ email: randomEmail(), ip });

    const fresh = randomEmail();
    await expect(throttle.check({ email: fresh, ip })).resolves.toMatchObject({
      blocked: true,
      scope: "ip",
    });
    await expect(throttle.check({ email: fresh, ip: randomIp() })).resolves.toEqual({
      blocked: false,
    });
  });

  it("reports the longest wait when several limits apply", async () => {
    const throttle = throttleWith({
      accountIp: { points: 1, duration: 60 },
      account: { points: 1, duration: 120 },
      ip: { points: 1, duration: 600 },
    });
    const keys = { email: randomEmail(), ip: randomIp() };
    await throttle.recordFailure(keys);

    const verdict = await throttle.check(keys);
    expect(verdict).toMatchObject({ blocked: true, scope: "ip" });
    if (!verdict.blocked) throw new Error("expected a block");
    expect(verdict.retryAfterSeconds).toBeGreaterThan(120);
    expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it("ends every block when its window ends: no permanent lockout", async () => {
    const second = { points: 2, duration: 1 };
    const throttle = throttleWith({ accountIp: second, account: second, ip: second });
    const keys = { email: randomEmail(), ip: randomIp() };

    await throttle.recordFailure(keys);
    await throttle.recordFailure(keys);
    await expect(throttle.check(keys)).resolves.toEqual({
      blocked: true,
      scope: expect.any(String),
      retryAfterSeconds: 1,
    });

    await sleep(1_200);
    await expect(throttle.check(keys)).resolves.toEqual({ blocked: false });

    // A failure after the window starts a new count instead of adding to the old one.
    await throttle.recordFailure(keys);
    await expect(throttle.check(keys)).resolves.toEqual({ blocked: false });
  });
});

describe("attempt (count first, then decide)", () => {
  it("lets through at most the limit when many guesses arrive at once", async () => {
    const throttle = throttleWith({ accountIp: { points: 3, duration: 60 } });
    const keys = { email: randomEmail(), ip: randomIp() };
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => throttle.attempt(keys)));
    expect(verdicts.filter((verdict) => !verdict.blocked)).toHaveLength(3);
    await expect(throttle.check(keys)).resolves.toMatchObject({
      blocked: true,
      scope: "accountIp",
    });
  });

  it("refunds a successful attempt, so successes never use up the wider limits", async () => {
    const throttle = throttleWith({ account: { points: 2, duration: 60 } });
    const email = randomEmail();
    for (let i = 0; i < 5; i++) {
      const keys = { email, ip: randomIp() };
      await expect(throttle.attempt(keys)).resolves.toEqual({ blocked: false });
      await throttle.recordSuccess(keys);
    }
  });
});

describe("the owner is never locked out", () => {
  it("refused attempts don't count: an attacker who keeps going doesn't add to the count", async () => {
    const throttle = throttleWith({ accountIp: { points: 2, duration: 60 } });
    const keys = { email: randomEmail(), ip: randomIp() };
    await throttle.attempt(keys);
    await throttle.attempt(keys);
    for (let i = 0; i < 10; i++)
      await expect(throttle.attempt(keys)).resolves.toMatchObject({ blocked: true });
    // The account-wide counter holds the two real attempts only.
    const other = { email: keys.email, ip: randomIp() };
    for (let i = 0; i < 2; i++)
      await expect(throttle.attempt(other)).resolves.toEqual({ blocked: false });
    await expect(throttle.check({ email: keys.email, ip: randomIp() })).resolves.toEqual({
      blocked: false,
    });
  });

  it("a known device of the account signs in while the account is blocked everywhere else", async () => {
    const throttle = throttleWith({ account: { points: 3, duration: 60 } });
    const email = randomEmail();
    for (let i = 0; i < 3; i++) await throttle.attempt({ email, ip: randomIp() });
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
    // The owner's browser, even from the attacker's own address.
    const owner = { email, ip: randomIp(), device: randomUUID() };
    await expect(throttle.attempt(owner)).resolves.toEqual({ blocked: false });
    await throttle.recordSuccess(owner);
  });

  it("a device has its own small allowance for mistyped passwords", async () => {
    const throttle = throttleWith();
    const keys = { email: randomEmail(), ip: randomIp(), device: randomUUID() };
    for (let i = 0; i < 4; i++)
      await expect(throttle.attempt(keys)).resolves.toEqual({ blocked: false });
    await expect(throttle.attempt(keys)).resolves.toMatchObject({ blocked: true, scope: "device" });
    // Another device of the same account is unaffected.
    await expect(throttle.attempt({ ...keys, device: randomUUID() })).resolves.toEqual({
      blocked: false,
    });
  });

  it("a request without a usable address counts in the shared unknown bucket, never in none", async () => {
    const throttle = throttleWith({ ip: { points: 3, duration: 60 } });
    for (let i = 0; i < 3; i++) await throttle.attempt({ email: randomEmail(), ip: null });
    await expect(throttle.attempt({ email: randomEmail(), ip: null })).resolves.toMatchObject({
      blocked: true,
      scope: "ip",
    });
  });
});
