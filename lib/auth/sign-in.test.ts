import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createLoginThrottle } from "./rate-limit";
import { registerUser } from "./register";
import { checkCredentials } from "./sign-in";

// checkCredentials against the real test database and a real throttle. Every test registers
// its own person and uses its own address and key prefix, so counts and events are exact.

const PASSWORD = "seven silver kites above the dunes";
const INVALID = { ok: false, reason: "invalid" } as const;

/** A random address in the IPv6 documentation range (2001:db8::/32). */
function randomIp(): string {
  const groups = randomBytes(12).toString("hex").match(/.{4}/g) ?? [];
  return ["2001", "db8", ...groups].join(":");
}

/** A registered person, a fresh throttle (3 failures per account+address) and a context. */
async function setUp(password = PASSWORD) {
  const email = `${randomUUID()}@test.authlab`;
  const ip = randomIp();
  const context = { ip, userAgent: "vitest" };
  const registered = await registerUser(
    { name: "Grace Hopper", email, password },
    { ip: randomIp(), userAgent: "vitest" },
  );
  if (!registered.ok)
    throw new Error(`registration failed: ${JSON.stringify(registered.fieldErrors)}`);
  const throttle = createLoginThrottle(
    {
      accountIp: { points: 3, duration: 60 },
      account: { points: 10, duration: 60 },
      ip: { points: 20, duration: 60 },
      device: { points: 3, duration: 60 },
    },
    `test-${randomUUID()}`,
  );
  const eventsFrom = (type?: string) =>
    getDb().authEvent.findMany({
      where: { ip, ...(type ? { type } : {}) },
      orderBy: { createdAt: "asc" },
    });
  return { email, userId: registered.userId, ip, context, throttle, eventsFrom };
}

describe("checkCredentials", () => {
  it("signs in with the right password and returns no password hash", async () => {
    const { email, userId, context, throttle, eventsFrom } = await setUp();

    const result = await checkCredentials(
      { email, password: PASSWORD },
      "session",
      context,
      throttle,
    );

    expect(result).toEqual({
      ok: true,
      user: { id: userId, email, name: "Grace Hopper", tokenVersion: 0 },
    });
    if (!result.ok) throw new Error("expected a sign-in");
    expect(result.user).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(result)).not.toContain("$argon2id$");

    const events = await eventsFrom();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "login.success",
      strategy: "session",
      userId,
      userAgent: "vitest",
    });
  });

  it("signs in with the email in another case and with spaces around it", async () => {
    const { email, userId, context, throttle, eventsFrom } = await setUp();

    const result = await checkCredentials(
      { email: `  ${email.toUpperCase()} `, password: PASSWORD },
      "jwt",
      context,
      throttle,
    );

    expect(result).toMatchObject({ ok: true, user: { id: userId, email } });
    await expect(eventsFrom("login.success")).resolves.toMatchObject([{ strategy: "jwt", userId }]);
  });

  it("signs in with the password typed in another Unicode form", async () => {
    const { email, userId, context, throttle } = await setUp("crème brûlée every sunday");
    const result = await checkCredentials(
      { email, password: "cre\u0300me bru\u0302le\u0301e every sunday" },
      "session",
      context,
      throttle,
    );
    expect(result).toMatchObject({ ok: true, user: { id: userId } });
  });

  it("answers a wrong password and an unknown email identically, and logs both", async () => {
    const { email, userId, context, throttle, eventsFrom } = await setUp();

    const wrongPassword = await checkCredentials(
      { email, password: `${PASSWORD}!` },
      "session",
      context,
      throttle,
    );
    const unknownEmail = await checkCredentials(
      { email: `${randomUUID()}@test.authlab`, password: PASSWORD },
      "session",
      context,
      throttle,
    );

    expect(wrongPassword).toStrictEqual(INVALID);
    expect(unknownEmail).toStrictEqual(INVALID);
    expect(Object.keys(wrongPassword)).toEqual(Object.keys(unknownEmail));

    const failures = await eventsFrom("login.failure");
    expect(failures).toHaveLength(2);
    expect(failures.map((event) => event.userId).sort()).toEqual([null, userId].sort());
    for (const event of failures) {
      expect(event).toMatchObject({ strategy: "session", userAgent: "vitest" });
      expect(JSON.parse(event.detail)).toEqual({ reason: "invalid_credentials" });
      expect(event.detail).not.toContain(PASSWORD);
    }
    await expect(eventsFrom("login.success")).resolves.toHaveLength(0);
  });

  it.each<[string, (email: string) => { email: unknown; password: unknown }]>([
    ["a malformed email", () => ({ email: "not-an-email", password: PASSWORD })],
    ["an empty password", (email) => ({ email, password: "" })],
    ["missing fields", () => ({ email: undefined, password: undefined })],
    ["non-text fields", () => ({ email: 42, password: { toString: () => PASSWORD } })],
  ])("answers %s with the same invalid result and a failure event", async (_label, input) => {
    const { email, context, throttle, eventsFrom } = await setUp();

    await expect(checkCredentials(input(email), "jwt", context, throttle)).resolves.toStrictEqual(
      INVALID,
    );
    await expect(eventsFrom("login.failure")).resolves.toHaveLength(1);
  });

  it("throttles after the limit, logs it, and refuses even the right password while blocked", async () => {
    const { email, userId, context, throttle, eventsFrom } = await setUp();

    for (let i = 0; i < 3; i++) {
      await expect(
        checkCredentials({ email, password: `wrong guess ${i}` }, "session", context, throttle),
      ).resolves.toStrictEqual(INVALID);
    }
    await expect(eventsFrom("login.failure")).resolves.toHaveLength(3);

    const throttled = await checkCredentials(
      { email, password: "wrong guess 3" },
      "session",
      context,
      throttle,
    );
    expect(throttled).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: expect.any(Number),
    });
    if (throttled.ok || throttled.reason !== "throttled")
      throw new Error("expected a throttled answer");
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(60);

    const blockedRight = await checkCredentials(
      { email, password: PASSWORD },
      "session",
      context,
      throttle,
    );
    expect(blockedRight).toMatchObject({ ok: false, reason: "throttled" });

    const throttledEvents = await eventsFrom("login.throttled");
    expect(throttledEvents).toHaveLength(2);
    for (const event of throttledEvents) {
      expect(event).toMatchObject({ strategy: "session", userAgent: "vitest" });
      expect(JSON.parse(event.detail)).toEqual({
        scope: "accountIp",
        retryAfterSeconds: expect.any(Number),
      });
    }
    // While blocked no password was checked: no new failure, no success, and the right
    // password did not clear the count.
    await expect(eventsFrom("login.failure")).resolves.toHaveLength(3);
    await expect(
      getDb().authEvent.count({ where: { userId, type: "login.success" } }),
    ).resolves.toBe(0);
    await expect(throttle.check({ email, ip: context.ip })).resolves.toMatchObject({
      blocked: true,
    });

    // Another address is not blocked by this address's failures.
    await expect(
      checkCredentials(
        { email, password: PASSWORD },
        "session",
        { ip: randomIp(), userAgent: "vitest" },
        throttle,
      ),
    ).resolves.toMatchObject({ ok: true, user: { id: userId } });
  });

  it("throttles an unknown email exactly like a known one", async () => {
    const { context, throttle, eventsFrom } = await setUp();
    const unknown = `${randomUUID()}@test.authlab`;

    for (let i = 0; i < 3; i++) {
      await expect(
        checkCredentials({ email: unknown, password: PASSWORD }, "jwt", context, throttle),
      ).resolves.toStrictEqual(INVALID);
    }
    await expect(
      checkCredentials({ email: unknown, password: PASSWORD }, "jwt", context, throttle),
    ).resolves.toMatchObject({
      ok: false,
      reason: "throttled",
    });
    await expect(eventsFrom("login.throttled")).resolves.toHaveLength(1);
  });

  it("clears the count for this account and address after a success", async () => {
    const { email, userId, context, throttle } = await setUp();

    for (let i = 0; i < 2; i++)
      await checkCredentials({ email, password: "wrong guess" }, "session", context, throttle);
    await expect(
      checkCredentials({ email, password: PASSWORD }, "session", context, throttle),
    ).resolves.toMatchObject({
      ok: true,
    });
    for (let i = 0; i < 2; i++) {
      await expect(
        checkCredentials({ email, password: "wrong guess" }, "session", context, throttle),
      ).resolves.toStrictEqual(INVALID);
    }
    await expect(
      checkCredentials({ email, password: PASSWORD }, "session", context, throttle),
    ).resolves.toMatchObject({
      ok: true,
      user: { id: userId },
    });
  });
});
