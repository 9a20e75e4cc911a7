import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { rotateRefreshToken, startFamily } from "../jwt/refresh";
import { type Provenance, provenNow } from "../proof";
import { createSession, validateSessionToken } from "../session/store";
import { generateToken, hashToken } from "../tokens";
import { endEveryCredential } from "./revoke-all";

// The account-wide kill switch against the real database: every credential of the person under
// every strategy, in one transaction, by bumping their epoch; nobody else's.

const context = { ip: "192.0.2.77", userAgent: "vitest" };

async function personWithEverything() {
  const db = getDb();
  const user = await db.user.create({
    data: { email: `${randomUUID()}@everywhere.test` },
    select: { id: true, email: true, name: true, epoch: true },
  });
  const proof = (): Provenance => provenNow(user.epoch, "password");
  const sessions = [
    await createSession(user, proof(), context),
    await createSession(user, proof(), context),
  ];
  const families = [
    await startFamily(user.id, proof(), context),
    await startFamily(user.id, proof(), context),
  ];
  const oauthTokens = [randomUUID(), randomUUID()];
  for (const token of oauthTokens)
    await db.session.create({
      data: {
        sessionToken: hashToken(token),
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
        epoch: user.epoch,
        authTime: new Date(),
        authMethod: "github",
      },
    });
  const deviceTokens = [generateToken(), generateToken()];
  for (const token of deviceTokens)
    await db.trustedDevice.create({
      data: { id: hashToken(token), userId: user.id, epoch: user.epoch, ...context },
    });
  await db.providerIntent.create({
    data: {
      id: randomUUID(),
      userId: user.id,
      purpose: "link",
      provider: "github",
      epoch: user.epoch,
      proof: "password",
      fromCredential: "session",
      returnTo: "/oauth/link",
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  return { user, sessions, families, oauthTokens, deviceTokens };
}

const epochOf = async (userId: string) =>
  (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).epoch;

describe("endEveryCredential", () => {
  it("ends every session, family, Auth.js session, trusted device and provider intent of the person, and only theirs", async () => {
    const db = getDb();
    const victim = await personWithEverything();
    const bystander = await personWithEverything();

    const ended = await endEveryCredential(victim.user.id, {
      reason: "signed_out_everywhere",
      context,
    });
    expect(ended).toEqual({
      epoch: victim.user.epoch + 1,
      sessions: 2,
      families: 2,
      oauthSessions: 2,
      devices: 2,
    });

    const userId = victim.user.id;
    expect(await epochOf(userId)).toBe(ended.epoch);
    expect(await db.cookieSession.count({ where: { userId } })).toBe(0);
    expect(await db.refreshFamily.count({ where: { userId, revokedAt: null } })).toBe(0);
    expect(
      (await db.refreshFamily.findMany({ where: { userId } })).map((row) => row.revokedReason),
    ).toEqual(["signed_out_everywhere", "signed_out_everywhere"]);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.trustedDevice.count({ where: { userId } })).toBe(0);
    expect(await db.providerIntent.count({ where: { userId } })).toBe(0);
    for (const { token } of victim.sessions)
      await expect(validateSessionToken(token)).resolves.toMatchObject({ session: null });
    for (const { refreshToken } of victim.families)
      await expect(rotateRefreshToken(refreshToken, context)).resolves.toEqual({
        ok: false,
        reason: "revoked",
      });
    const events = await db.authEvent.findMany({
      where: { userId, type: "account.signed_out_everywhere" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.strategy).toBe("account");
    expect(JSON.parse(events[0]?.detail ?? "{}")).toEqual({
      reason: "signed_out_everywhere",
      sessions: 2,
      families: 2,
      oauthSessions: 2,
      devices: 2,
    });

    const other = bystander.user.id;
    expect(await epochOf(other)).toBe(0);
    expect(await db.cookieSession.count({ where: { userId: other } })).toBe(2);
    expect(await db.refreshFamily.count({ where: { userId: other, revokedAt: null } })).toBe(2);
    expect(await db.session.count({ where: { userId: other } })).toBe(2);
    expect(await db.trustedDevice.count({ where: { userId: other } })).toBe(2);
    expect(await db.providerIntent.count({ where: { userId: other } })).toBe(1);
    await expect(validateSessionToken(bystander.sessions[0]!.token)).resolves.toMatchObject({
      user: { id: other },
    });
  });

  it("leaves nothing a sign-in racing it can use: a credential made under the old epoch is dead", async () => {
    const { user } = await personWithEverything();
    // The sign-in read the person (epoch 0) and checked the password before the switch...
    const proof = provenNow(user.epoch, "password");
    await endEveryCredential(user.id, { reason: "password_changed", context });
    // ...and makes its credentials after it.
    const late = await createSession(user, proof, context);
    await expect(validateSessionToken(late.token)).resolves.toMatchObject({
      session: null,
      ended: true,
    });
    const family = await startFamily(user.id, proof, context);
    await expect(rotateRefreshToken(family.refreshToken, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(
      (await getDb().refreshFamily.findUniqueOrThrow({ where: { id: family.familyId } }))
        .revokedReason,
    ).toBe("epoch_changed");
  });

  it("changes nothing at all when a write in it fails", async () => {
    const db = getDb();
    const { user } = await personWithEverything();
    await expect(
      endEveryCredential(user.id, {
        reason: "password_changed",
        context,
        also: async () => {
          throw new Error("the disk is full");
        },
      }),
    ).rejects.toThrow("the disk is full");
    expect(await db.cookieSession.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.refreshFamily.count({ where: { userId: user.id, revokedAt: null } })).toBe(2);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.trustedDevice.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.providerIntent.count({ where: { userId: user.id } })).toBe(1);
    expect(await epochOf(user.id)).toBe(0);
  });
});
