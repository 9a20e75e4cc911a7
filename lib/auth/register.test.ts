import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { normalizeEmail, verifyPassword } from "./credentials";
import { registerUser, type RegistrationField } from "./register";

// registerUser against the real test database. Every test uses its own email, name and
// address, so counts are exact even with other test files running alongside.

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";
const PASSWORD = "violet lanterns over the harbour";

/** A random address in the IPv6 documentation range (2001:db8::/32). */
function randomIp(): string {
  const groups = randomBytes(12).toString("hex").match(/.{4}/g) ?? [];
  return ["2001", "db8", ...groups].join(":");
}

const contextFor = (ip: string) => ({ ip, userAgent: "vitest" });

describe("registerUser", () => {
  it("creates one user with a normalised email, an argon2id hash and a register event", async () => {
    const token = randomUUID();
    const ip = randomIp();
    const result = await registerUser(
      { name: `  Ada ${token}  `, email: `  Ada.${token}@Example.COM `, password: PASSWORD },
      contextFor(ip),
    );

    expect(result).toEqual({ ok: true, userId: expect.any(String) });
    if (!result.ok) throw new Error("expected a registration");

    const users = await getDb().user.findMany({ where: { email: { contains: token } } });
    expect(users).toHaveLength(1);
    const [user] = users;
    expect(user).toMatchObject({
      id: result.userId,
      email: `ada.${token}@example.com`,
      name: `Ada ${token}`,
      // Every new person starts at the first credential epoch.
      epoch: 0,
    });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);
    await expect(verifyPassword(user?.passwordHash ?? null, PASSWORD)).resolves.toBe(true);

    const events = await getDb().authEvent.findMany({ where: { ip } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "register",
      strategy: "account",
      userId: result.userId,
      ip,
      userAgent: "vitest",
    });
    expect(events[0]?.detail).not.toContain(PASSWORD);
  });

  type Override = (email: string) => { name?: string; email?: string; password?: string };
  it.each<[string, RegistrationField, Override, string | RegExp]>([
    ["an empty name", "name", () => ({ name: "" }), "Enter your name."],
    ["a name of spaces", "name", () => ({ name: "   " }), "Enter your name."],
    [
      "a bad email",
      "email",
      () => ({ email: "not-an-email" }),
      "Enter a valid email address, like name@example.com.",
    ],
    ["an empty email", "email", () => ({ email: "" }), "Enter your email address."],
    ["a short password", "password", () => ({ password: "short12" }), "Use at least 8 characters."],
    ["a common password", "password", () => ({ password: "Password1" }), /too common/],
    [
      "the email as password",
      "password",
      (email) => ({ password: email.toUpperCase() }),
      "Don't use your email or name as your password.",
    ],
  ])(
    "refuses %s with an error on that field and creates no user",
    async (_label, field, override, message) => {
      const token = randomUUID();
      const ip = randomIp();
      const email = `${token}@test.authlab`;
      const input = {
        name: `Tester ${token}`,
        email,
        password: PASSWORD,
        ...override(email),
      };

      const result = await registerUser(input, contextFor(ip));

      expect(result.ok).toBe(false);
      if (result.ok) throw new Error("expected a refusal");
      expect(Object.keys(result.fieldErrors)).toEqual([field]);
      expect(result.fieldErrors[field]).toEqual([expect.stringMatching(message)]);
      expect(JSON.stringify(result)).not.toContain(input.password);

      const users = await getDb().user.count({
        where: { OR: [{ email: { contains: token } }, { name: { contains: token } }] },
      });
      expect(users).toBe(0);
      await expect(getDb().authEvent.count({ where: { ip } })).resolves.toBe(0);
    },
  );

  it("reports every invalid field at once", async () => {
    const result = await registerUser(
      { name: " ", email: "nope@", password: "short" },
      contextFor(randomIp()),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: ["Enter your name."],
        email: ["Enter a valid email address, like name@example.com."],
        password: ["Use at least 8 characters."],
      },
    });
  });

  it("refuses input that is not text", async () => {
    const result = await registerUser(
      { name: 42, email: null, password: undefined },
      contextFor(randomIp()),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: ["Enter your name."],
        email: ["Enter your email address."],
        password: ["Enter a password."],
      },
    });
  });

  it("refuses a second spelling of a registered address", async () => {
    const token = randomUUID();
    const first = await registerUser(
      { name: "First", email: `Mary.${token}@Example.com`, password: PASSWORD },
      contextFor(randomIp()),
    );
    expect(first.ok).toBe(true);

    const second = await registerUser(
      {
        name: "Second",
        email: `  mary.${token}@EXAMPLE.COM `,
        password: "another fine passphrase",
      },
      contextFor(randomIp()),
    );
    expect(second).toEqual({ ok: false, fieldErrors: { email: [EMAIL_TAKEN] } });
    await expect(getDb().user.count({ where: { email: { contains: token } } })).resolves.toBe(1);
  });

  it("treats composed and decomposed Unicode spellings as one address", async () => {
    const token = randomUUID();
    const composed = `Zoë-${token}@Example.com`; // ë as one code point
    const decomposed = `  zoe\u0308-${token}@EXAMPLE.com `; // e + combining diaeresis
    expect(normalizeEmail(decomposed)).toBe(normalizeEmail(composed));

    const first = await registerUser(
      { name: "Zoë", email: composed, password: PASSWORD },
      contextFor(randomIp()),
    );
    const second = await registerUser(
      { name: "Zoë again", email: decomposed, password: "another fine passphrase" },
      contextFor(randomIp()),
    );

    // Both spellings get the same answer, and never two accounts. Note: today emailSchema's
    // z.email() pattern is ASCII-only, so the first registration is itself refused as an
    // invalid address; if non-ASCII addresses are ever accepted, the second must be "taken".
    if (first.ok) {
      expect(second).toEqual({ ok: false, fieldErrors: { email: [EMAIL_TAKEN] } });
    } else {
      expect(second).toEqual(first);
    }
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.fieldErrors.email).toHaveLength(1);
    const users = await getDb().user.count({ where: { email: { contains: token } } });
    expect(users).toBe(first.ok ? 1 : 0);
  });

  it("creates one account when the same address registers twice at once", async () => {
    const token = randomUUID();
    const email = `race.${token}@test.authlab`;
    const results = await Promise.all([
      registerUser({ name: "One", email, password: PASSWORD }, contextFor(randomIp())),
      registerUser(
        { name: "Two", email: email.toUpperCase(), password: PASSWORD },
        contextFor(randomIp()),
      ),
    ]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } },
    ]);
    await expect(getDb().user.count({ where: { email } })).resolves.toBe(1);
  });

  it("never returns the password", async () => {
    const password = `unusual ${randomUUID()} secret`;
    const results = await Promise.all([
      registerUser(
        { name: "Keeper", email: `${randomUUID()}@test.authlab`, password },
        contextFor(randomIp()),
      ),
      registerUser({ name: "", email: "bad", password }, contextFor(randomIp())),
      registerUser(
        { name: "Keeper", email: `${randomUUID()}@test.authlab`, password: "password" },
        contextFor(randomIp()),
      ),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false, false]);
    for (const result of results) {
      expect(JSON.stringify(result)).not.toContain(password);
      expect(result).not.toHaveProperty("password");
      expect(result).not.toHaveProperty("passwordHash");
    }
  });

  it("spends the address's registration budget before any work, and refuses past it with a wait", async () => {
    const ip = randomIp();
    const limit = getEnv().REGISTRATION_LIMIT_PER_IP;
    // Refused passwords cost no hash, but each attempt still spends from the budget.
    for (let i = 0; i < limit; i++) {
      const result = await registerUser(
        { name: "Budget", email: `${randomUUID()}@test.authlab`, password: "Password1" },
        contextFor(ip),
      );
      expect(result).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    }
    const email = `${randomUUID()}@test.authlab`;
    const refused = await registerUser(
      { name: "Budget", email, password: PASSWORD },
      contextFor(ip),
    );
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {},
      throttled: {
        retryAfterSeconds: expect.any(Number),
        message: expect.stringMatching(/^Too many new accounts from here\. Try again in \d+ /),
      },
    });
    if (refused.ok || !refused.throttled) throw new Error("expected a throttled refusal");
    // The budget refills steadily: the next registration is one interval away, not an hour.
    expect(refused.throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.throttled.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil(3600 / limit));
    await expect(getDb().user.count({ where: { email } })).resolves.toBe(0);

    // Another address is unaffected.
    await expect(
      registerUser({ name: "Elsewhere", email, password: PASSWORD }, contextFor(randomIp())),
    ).resolves.toMatchObject({ ok: true });
  });
});
