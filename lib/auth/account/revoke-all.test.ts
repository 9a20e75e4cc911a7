import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startFamily } from "../jwt/refresh";
import { createSession } from "../session/store";
import { hashToken } from "../tokens";
import { endEveryCredential } from "./revoke-all";

// The account-wide kill switch against the real database: every credential of the person under
// every strategy, in one transaction; nobody else's; the kept ones only when asked.

const context = { ip: "192.0.2.77", userAgent: "vitest" };

async function personWithEverything() {
  const db = getDb();
  const user = await db.user.create({
    data: { email: `${randomUUID()}@everywhere.test` },
    select: { id: true, email: true, name: true, tokenVersion: true },
  });
  const sessions = [await createSession(user, context), await createSession(user, context)];
  const families = [await startFamily(user.id, context), await startFamily(user.id, context)];
  const oauthTokens = [randomUUID(), randomUUID()];
  for (const token of oauthTokens)
    await db.session.create({
      data: {
        sessionToken: hashToken(token),
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
      },
    });
  await db.linkIntent.create({
    data: {
      id: randomUUID(),
      userId: user.id,
      provider: "github",
      returnTo: "/oauth/link",
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  return { user, sessions, families, oauthTokens };
}

describe("endEveryCredential", () => {
  it("ends every session, family, Auth.js session and link intent of the person, and only theirs", async () => {
    const db = getDb();
    const victim = await personWithEverything();
    const bystander = await personWithEverything();

    const ended = await endEveryCredential(victim.user.id, {
      reason: "signed_out_everywhere",
      context,
    });
    expect(ended).toEqual({
      tokenVersion: victim.user.tokenVersion + 1,
      sessions: 2,
      families: 2,
      oauthSessions: 2,
    });

    const userId = victim.user.id;
    expect(await db.cookieSession.count({ where: { userId } })).toBe(0);
    expect(await db.refreshFamily.count({ where: { userId, revokedAt: null } })).toBe(0);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.linkIntent.count({ where: { userId } })).toBe(0);
    const events = await db.authEvent.findMany({
      where: { userId, type: "account.signed_out_everywhere" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.strategy).toBe("account");

    const other = bystander.user.id;
    expect(await db.cookieSession.count({ where: { userId: other } })).toBe(2);
    expect(await db.refreshFamily.count({ where: { userId: other, revokedAt: null } })).toBe(2);
    expect(await db.session.count({ where: { userId: other } })).toBe(2);
  });

  it("keeps exactly the credentials it is told to (this browser's), and still bumps tokenVersion", async () => {
    const db = getDb();
    const { user, sessions, families, oauthTokens } = await personWithEverything();
    const keep = {
      session: sessions[0]!.session.id,
      family: families[0]!.familyId,
      oauthSession: hashToken(oauthTokens[0]!),
    };
    const ended = await endEveryCredential(user.id, { keep, reason: "password_changed", context });
    expect(ended).toMatchObject({ sessions: 1, families: 1, oauthSessions: 1 });
    expect(
      (await db.cookieSession.findMany({ where: { userId: user.id } })).map((row) => row.id),
    ).toEqual([keep.session]);
    expect(
      (await db.refreshFamily.findMany({ where: { userId: user.id, revokedAt: null } })).map(
        (row) => row.id,
      ),
    ).toEqual([keep.family]);
    expect(
      (await db.session.findMany({ where: { userId: user.id } })).map((row) => row.sessionToken),
    ).toEqual([keep.oauthSession]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(
      ended.tokenVersion,
    );
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
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(0);
  });
});
