import { randomBytes, randomUUID } from "node:crypto";
import { testThrottle } from "@/tests/throttle";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { endEveryCredential } from "./account/revoke-all";
import type { LoginThrottle } from "./rate-limit";
import { registerUser } from "./register";
import { checkCredentials, confirmPassword } from "./sign-in";
import { generateToken, hashToken } from "./tokens";

// Trusted devices and the owner's way in: a device cookie counts only under the epoch it was made
// in, its attempts are counted apart from the account an attacker hammers, and a signed-in
// person's password confirmation is counted on their own proof, never on the account.

const PASSWORD = "nine velvet owls above the fjord";
const randomIp = () => `2001:db8::${randomBytes(2).toString("hex")}`;

async function setUp() {
  const email = `${randomUUID()}@device.test`;
  const registered = await registerUser(
    { name: "Device Owner", email, password: PASSWORD },
    { ip: randomIp(), userAgent: "vitest" },
  );
  if (!registered.ok) throw new Error("registration failed");
  const throttle = testThrottle({
    accountIp: 3,
    account: { limit: 5, periodSeconds: 600 },
    ip: 100,
    device: 3,
    proof: 3,
  });
  const trust = async () => {
    const token = generateToken();
    await getDb().trustedDevice.create({
      data: { id: hashToken(token), userId: registered.userId, epoch: 0 },
    });
    return token;
  };
  return { email, userId: registered.userId, throttle, trust };
}

/** Wrong guesses from many addresses until the account's own bucket is spent. */
async function hammer(email: string, throttle: LoginThrottle) {
  for (let i = 0; i < 8; i++)
    await checkCredentials(
      { email, password: `wrong guess ${i}` },
      "session",
      { ip: randomIp(), userAgent: "attacker" },
      throttle,
    );
}

describe("trusted devices", () => {
  it("let the owner's browser sign in while the account is hammered from elsewhere", async () => {
    const { email, throttle, trust } = await setUp();
    const token = await trust();
    await hammer(email, throttle);
    const stranger = await checkCredentials(
      { email, password: PASSWORD },
      "session",
      { ip: randomIp(), userAgent: "new browser" },
      throttle,
    );
    expect(stranger).toMatchObject({ ok: false, reason: "throttled" });
    const owner = await checkCredentials(
      { email, password: PASSWORD },
      "session",
      { ip: randomIp(), userAgent: "owner" },
      throttle,
      token,
    );
    expect(owner).toMatchObject({ ok: true, trustedDevice: hashToken(token) });
  });

  it("count for nothing after a password change (another epoch)", async () => {
    const { email, userId, throttle, trust } = await setUp();
    const token = await trust();
    await endEveryCredential(userId, { reason: "password_changed" });
    // The kill switch deleted it; a copy made under the old epoch is refused just the same.
    await getDb().trustedDevice.create({ data: { id: hashToken(token), userId, epoch: 0 } });
    await hammer(email, throttle);
    const old = await checkCredentials(
      { email, password: PASSWORD },
      "session",
      { ip: randomIp(), userAgent: "old device" },
      throttle,
      token,
    );
    expect(old).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("are someone's own: another person's device token is no device here", async () => {
    const { email, throttle } = await setUp();
    const other = await setUp();
    const token = await other.trust();
    const result = await checkCredentials(
      { email, password: PASSWORD },
      "session",
      { ip: randomIp(), userAgent: "vitest" },
      throttle,
      token,
    );
    expect(result).toMatchObject({ ok: true, trustedDevice: null });
  });
});

describe("confirming the password while signed in", () => {
  it("is counted on the proof in use, so a hammered account never stops the owner", async () => {
    const { email, userId, throttle } = await setUp();
    await hammer(email, throttle);
    const proof = { authTime: new Date() };
    const context = { ip: randomIp(), userAgent: "owner" };
    const confirmed = await confirmPassword({ id: userId }, proof, PASSWORD, context, throttle);
    expect(confirmed).toMatchObject({ ok: true, provenance: { epoch: 0, method: "password" } });
  });

  it("slows a thief guessing with a stolen cookie on that cookie's proof alone", async () => {
    const { userId, throttle } = await setUp();
    const stolen = { authTime: new Date(Date.now() - 60_000) };
    const context = { ip: randomIp(), userAgent: "thief" };
    for (let i = 0; i < 3; i++)
      expect(
        (await confirmPassword({ id: userId }, stolen, `guess ${i}`, context, throttle)).ok,
      ).toBe(false);
    const fourth = await confirmPassword({ id: userId }, stolen, PASSWORD, context, throttle);
    expect(fourth).toMatchObject({ ok: false, message: expect.stringMatching(/Too many/) });
    // The owner's own sign-in (another proof) is not slowed by it.
    const owner = await confirmPassword(
      { id: userId },
      { authTime: new Date() },
      PASSWORD,
      { ip: randomIp(), userAgent: "owner" },
      throttle,
    );
    expect(owner.ok).toBe(true);
  });
});
