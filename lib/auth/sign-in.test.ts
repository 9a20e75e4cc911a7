import { randomBytes, randomUUID } from "node:crypto";
import { testThrottle } from "@/tests/throttle";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { proofKey } from "./rate-limit";
import { registerUser } from "./register";
import { checkCredentials, confirmPassword } from "./sign-in";
import { generateToken, hashToken } from "./tokens";

// checkCredentials against the real test database and a real throttle. Every test registers
// its own person and uses its own address and key prefix, so counts and events are exact.

const PASSWORD = "seven silver kites above the dunes";
const INVALID = { ok: false, reason: "invalid" } as const;

/** A random address in the IPv6 documentation range (2001:db8::/32). */
function randomIp(): string {
  const groups = randomBytes(12).toString("hex").match(/.{4}/g) ?? [];
  return ["2001", "db8", ...groups].join(":");
}

/**
 * A registered person, a fresh throttle (3 attempts per account+address, 10 per account, 3 per
 * device and per proof) and a context.
 */
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
  const throttle = testThrottle({ accountIp: 3, account: 10, ip: 20, device: 3, proof: 3 });
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
      user: {
        id: userId,
        email,
        name: "Grace Hopper",
        epoch: 0,
        // The proof just made: the epoch read before it, now, with the password.
        provenance: { epoch: 0, authTime: expect.any(Date), method: "password" },
      },
      // This browser sent no device cookie: the caller remembers a new device.
      trustedDevice: null,
    });
    if (!result.ok) throw new Error("expected a sign-in");
    expect(Math.abs(result.user.provenance.authTime.getTime() - Date.now())).toBeLessThan(5_000);
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

  it("throttles after the limit, logs it once, and refuses even the right password while blocked", async () => {
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

    // On the person's timeline, but a flood of refusals writes at most one line a minute.
    const throttledEvents = await eventsFrom("login.throttled");
    expect(throttledEvents).toHaveLength(1);
    expect(throttledEvents[0]).toMatchObject({ strategy: "session", userId, userAgent: "vitest" });
    expect(JSON.parse(throttledEvents[0]!.detail)).toEqual({
      scope: "accountIp",
      retryAfterSeconds: expect.any(Number),
    });
    // While blocked no password was checked: no new failure, no success, and the right
    // password did not clear the count.
    await expect(eventsFrom("login.failure")).resolves.toHaveLength(3);
    await expect(
      getDb().authEvent.count({ where: { userId, type: "login.success" } }),
    ).resolves.toBe(0);
    await expect(throttle.attempt({ email, ip: context.ip })).resolves.toMatchObject({
      blocked: true,
      scope: "accountIp",
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

  it("spends a hammered account's allowance, and still lets the owner's trusted device in", async () => {
    const { email, userId, context, throttle } = await setUp();
    const token = generateToken();
    await getDb().trustedDevice.create({ data: { id: hashToken(token), userId, epoch: 0 } });

    // Ten wrong guesses from ten places: the account's own bucket is spent.
    for (let i = 0; i < 10; i++)
      await checkCredentials(
        { email, password: `guess ${i}` },
        "session",
        { ip: randomIp(), userAgent: "attacker" },
        throttle,
      );
    await expect(
      checkCredentials({ email, password: PASSWORD }, "session", context, throttle),
    ).resolves.toMatchObject({ ok: false, reason: "throttled" });

    // The owner's browser, with its device cookie, from the same address: counted on its own.
    await expect(
      checkCredentials({ email, password: PASSWORD }, "session", context, throttle, token),
    ).resolves.toMatchObject({ ok: true, user: { id: userId }, trustedDevice: hashToken(token) });
  });

  it("trusts a device only for its own person, and only under the person's current epoch", async () => {
    const { email, userId, context, throttle } = await setUp();
    const other = await setUp();
    const theirs = generateToken();
    await getDb().trustedDevice.create({
      data: { id: hashToken(theirs), userId: other.userId, epoch: 0 },
    });
    const mine = generateToken();
    await getDb().trustedDevice.create({ data: { id: hashToken(mine), userId, epoch: 0 } });

    // Another person's device is no device of this one's.
    await expect(
      checkCredentials({ email, password: PASSWORD }, "jwt", context, throttle, theirs),
    ).resolves.toMatchObject({ ok: true, trustedDevice: null });
    await expect(
      checkCredentials({ email, password: PASSWORD }, "jwt", context, throttle, mine),
    ).resolves.toMatchObject({ ok: true, trustedDevice: hashToken(mine) });

    // A password change (the kill switch) moved the epoch: the device made before counts for nothing.
    await getDb().user.update({ where: { id: userId }, data: { epoch: 1 } });
    const result = await checkCredentials(
      { email, password: PASSWORD },
      "jwt",
      context,
      throttle,
      mine,
    );
    expect(result).toMatchObject({
      ok: true,
      user: { epoch: 1, provenance: { epoch: 1 } },
      trustedDevice: null,
    });

    // And so it is throttled with the account like any other browser.
    for (let i = 0; i < 10; i++)
      await checkCredentials(
        { email, password: `guess ${i}` },
        "jwt",
        { ip: randomIp(), userAgent: "attacker" },
        throttle,
      );
    await expect(
      checkCredentials({ email, password: PASSWORD }, "jwt", context, throttle, mine),
    ).resolves.toMatchObject({ ok: false, reason: "throttled" });
  });
});

describe("confirmPassword", () => {
  it("confirms the signed-in person's password with a fresh proof, and refuses a wrong one", async () => {
    const { userId, context, throttle } = await setUp();
    const proof = { authTime: new Date(Date.now() - 30 * 60_000) };

    const wrong = await confirmPassword({ id: userId }, proof, "not it", context, throttle);
    expect(wrong).toEqual({ ok: false, message: "That is not your password." });

    const right = await confirmPassword({ id: userId }, proof, PASSWORD, context, throttle);
    expect(right).toEqual({
      ok: true,
      provenance: { epoch: 0, authTime: expect.any(Date), method: "password" },
    });
    if (!right.ok) throw new Error("expected a confirmation");
    // A new proof: now, not the old one it confirmed.
    expect(right.provenance.authTime.getTime()).toBeGreaterThan(proof.authTime.getTime());
  });

  it("is throttled on the proof in use, never on the account: a stolen cookie can't lock the owner out", async () => {
    const { email, userId, context, throttle } = await setUp();
    const stolen = { authTime: new Date(Date.now() - 60_000) };
    for (let i = 0; i < 3; i++)
      await expect(
        confirmPassword({ id: userId }, stolen, `guess ${i}`, context, throttle),
      ).resolves.toMatchObject({ ok: false, message: "That is not your password." });
    // Blocked, even with the right password.
    const blocked = await confirmPassword({ id: userId }, stolen, PASSWORD, context, throttle);
    expect(blocked).toEqual({
      ok: false,
      message: expect.stringMatching(/^Too many wrong passwords\. Try again in \d+ seconds\.$/),
    });
    await expect(
      throttle.attempt({ email: userId, ip: context.ip, proof: proofKey(userId, stolen.authTime) }),
    ).resolves.toMatchObject({ blocked: true, scope: "proof" });

    // The owner's own credential (another proof) confirms; signing in is untouched too.
    const owner = { authTime: new Date(Date.now() - 5 * 60_000) };
    await expect(
      confirmPassword({ id: userId }, owner, PASSWORD, context, throttle),
    ).resolves.toMatchObject({ ok: true });
    await expect(
      checkCredentials({ email, password: PASSWORD }, "session", context, throttle),
    ).resolves.toMatchObject({ ok: true, user: { id: userId } });
  });
});
