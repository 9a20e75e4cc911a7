import { randomBytes, randomUUID } from "node:crypto";
import { testThrottle } from "@/tests/throttle";
import { describe, expect, it, vi } from "vitest";

// The kill switch against sign-ins racing it, on every session store: many sign-ins with the old
// password run while the password changes. Each one reads the person's epoch before it checks the
// password, so whatever it goes on to make (a session, a refresh family, an access token) carries
// that epoch; the change bumps it in its transaction. Whatever the timing, no credential made
// with the old password answers afterwards.

const OLD = "amber lanterns over quiet harbours";
const NEW = "seven copper kettles singing at dawn";
const SIGN_INS = 24;

const randomIp = () => `2001:db8::${randomBytes(2).toString("hex")}`;

describe.each(["database", "redis", "memory"] as const)("with sessions in %s", (store) => {
  it("leaves no credential made with the old password alive, however the sign-ins race", async () => {
    // A fresh module graph for this store (lib/env.ts reads the environment once per graph).
    vi.resetModules();
    process.env.SESSION_STORE = store;
    if (store === "redis") process.env.REDIS_URL = process.env.TEST_REDIS_URL;
    else delete process.env.REDIS_URL;
    const { registerUser } = await import("../register");
    const { checkCredentials } = await import("../sign-in");
    const { createSession, validateSessionToken } = await import("../session/store");
    const { issueTokenPair } = await import("../jwt/lifecycle");
    const { rotateRefreshToken } = await import("../jwt/refresh");
    const { checkNotRevoked } = await import("../jwt/revocation");
    const { hashPassword } = await import("../credentials");
    const { endEveryCredential } = await import("./revoke-all");

    const email = `${randomUUID()}@race.test`;
    const registered = await registerUser(
      { name: "Ada Race", email, password: OLD },
      { ip: randomIp(), userAgent: "vitest" },
    );
    if (!registered.ok) throw new Error("registration failed");
    const userId = registered.userId;
    const throttle = testThrottle({
      accountIp: 1000,
      account: 1000,
      ip: 1000,
      device: 1000,
      proof: 1000,
    });
    const newHash = await hashPassword(NEW);

    // One sign-in as the routes do it: the check, then the session and the token pair it earns.
    const signIn = async () => {
      const context = { ip: randomIp(), userAgent: "vitest" };
      const result = await checkCredentials({ email, password: OLD }, "session", context, throttle);
      if (!result.ok) return null;
      const { token } = await createSession(result.user, result.user.provenance, context);
      const pair = await issueTokenPair(userId, result.user.provenance, context);
      return { token, pair, madeAt: performance.now() };
    };
    const change = async () => {
      // Let some sign-ins pass their password check first, then change it under the rest.
      await new Promise((resolve) => setTimeout(resolve, 40));
      const ended = await endEveryCredential(userId, {
        reason: "password_changed",
        event: { type: "password.changed", strategy: "account" },
        also: (tx) => tx.user.update({ where: { id: userId }, data: { passwordHash: newHash } }),
      });
      return { ...ended, at: performance.now() };
    };
    const [ended, ...made] = await Promise.all([
      change(),
      ...Array.from({ length: SIGN_INS }, signIn),
    ]);
    expect(ended.epoch).toBe(1);
    const credentials = made.filter((entry) => entry !== null);
    // The race is real: sign-ins that checked the old password finished making their credentials
    // after the change had committed (nothing was left for the kill switch to delete).
    expect(credentials.filter((entry) => entry.madeAt > ended.at).length).toBeGreaterThan(0);

    for (const { token, pair } of credentials) {
      expect((await validateSessionToken(token)).session).toBeNull();
      expect(await checkNotRevoked(pair.claims)).toEqual({ ok: false, reason: "revoked" });
      expect((await rotateRefreshToken(pair.refreshToken, { ip: null, userAgent: null })).ok).toBe(
        false,
      );
    }
    // And the new password works, under the new epoch.
    const after = await checkCredentials(
      { email, password: NEW },
      "session",
      { ip: randomIp(), userAgent: "vitest" },
      throttle,
    );
    expect(after.ok && after.user.provenance.epoch).toBe(1);
    if (!after.ok) return;
    const { token } = await createSession(after.user, after.user.provenance, {
      ip: null,
      userAgent: null,
    });
    expect((await validateSessionToken(token)).session?.epoch).toBe(1);
  }, 60_000);
});

describe.each(["redis", "memory"] as const)(
  "a kill switch that fails, with sessions in %s",
  (store) => {
    it("leaves the person able to sign in again under their unchanged epoch", async () => {
      vi.resetModules();
      process.env.SESSION_STORE = store;
      if (store === "redis") process.env.REDIS_URL = process.env.TEST_REDIS_URL;
      else delete process.env.REDIS_URL;
      const { getDb } = await import("@/lib/db");
      const { createSession, validateSessionToken } = await import("../session/store");
      const { endEveryCredential } = await import("./revoke-all");
      const user = await getDb().user.create({
        data: { email: `${randomUUID()}@undo.test`, name: "Undo" },
        select: { id: true, email: true, name: true, epoch: true },
      });
      const context = { ip: null, userAgent: "vitest" };
      const proof = () => ({
        epoch: user.epoch,
        authTime: new Date(),
        method: "password" as const,
      });
      await createSession(user, proof(), context);
      // The last write of the transaction fails (an event detail that can't be serialised), after
      // the store has ended the sessions and raised its floor.
      await expect(
        endEveryCredential(user.id, {
          reason: "signed_out_everywhere",
          event: {
            type: "account.signed_out_everywhere",
            strategy: "account",
            detail: { broken: 1n } as never,
          },
        }),
      ).rejects.toThrow();
      const { epoch } = await getDb().user.findUniqueOrThrow({
        where: { id: user.id },
        select: { epoch: true },
      });
      expect(epoch).toBe(0);
      // A new sign-in under the unchanged epoch is stored and works.
      const { token } = await createSession(user, proof(), context);
      expect((await validateSessionToken(token)).session?.epoch).toBe(0);
    });
  },
);
