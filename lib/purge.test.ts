import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DEMO_EMAIL_DOMAIN, THROWAWAY_EMAIL_DOMAIN } from "@/lib/auth/throwaway";
import { purgeExpired } from "./purge";

// Rows that can't authenticate anyone go; live ones stay.

const past = (ms: number) => new Date(Date.now() - ms);
const future = (ms: number) => new Date(Date.now() + ms);
const DAY = 24 * 60 * 60 * 1000;

describe("purgeExpired", () => {
  it("deletes ended sessions, families, denylist rows, Auth.js sessions, provider intents and throttle buckets, and keeps live ones", async () => {
    const db = getDb();
    const user = await db.user.create({
      data: { email: `${randomUUID()}@purge.test` },
      select: { id: true },
    });
    const userId = user.id;
    const proof = { epoch: 0, authTime: past(DAY), authMethod: "password" };
    const ids = Object.fromEntries(
      ["s1", "s2", "o1", "o2", "l1", "l2", "j1", "j2", "b1", "b2"].map((k) => [k, randomUUID()]),
    );
    await db.cookieSession.createMany({
      data: [
        {
          id: ids.s1!,
          userId,
          idleExpiresAt: past(1000),
          absoluteExpiresAt: future(DAY),
          ...proof,
        },
        {
          id: ids.s2!,
          userId,
          idleExpiresAt: future(DAY),
          absoluteExpiresAt: future(DAY),
          ...proof,
        },
      ],
    });
    const oldFamily = await db.refreshFamily.create({
      data: { userId, expiresAt: past(2 * DAY), ...proof },
      select: { id: true },
    });
    const liveFamily = await db.refreshFamily.create({
      data: { userId, expiresAt: future(DAY), ...proof },
      select: { id: true },
    });
    await db.revokedAccessToken.createMany({
      data: [
        { jti: ids.j1!, expiresAt: past(1000) },
        { jti: ids.j2!, expiresAt: future(60_000) },
      ],
    });
    await db.session.createMany({
      data: [
        { sessionToken: ids.o1!, userId, expires: past(1000), ...proof, authMethod: "github" },
        { sessionToken: ids.o2!, userId, expires: future(DAY), ...proof, authMethod: "github" },
      ],
    });
    const intent = {
      userId,
      purpose: "link",
      provider: "google",
      epoch: 0,
      proof: "password",
      fromCredential: "session",
      returnTo: "/",
    };
    await db.providerIntent.createMany({
      data: [
        { id: ids.l1!, ...intent, expiresAt: past(1000) },
        { id: ids.l2!, ...intent, purpose: "reauth", expiresAt: future(60_000) },
      ],
    });
    // A bucket whose theoretical arrival time has passed is as good as empty; one still ahead
    // is still slowing someone down.
    const bucketKeys = [`test-purge:${ids.b1}`, `test-purge:${ids.b2}`];
    await db.throttleBucket.createMany({
      data: [
        { key: bucketKeys[0]!, tat: BigInt(Date.now() - 1000), lastHit: randomUUID() },
        { key: bucketKeys[1]!, tat: BigInt(Date.now() + 60_000), lastHit: randomUUID() },
      ],
    });

    const purged = await purgeExpired();
    for (const count of Object.values(purged)) expect(count).toBeGreaterThanOrEqual(0);
    // Other test files share the database, so at least this test's rows went.
    for (const key of ["sessions", "families", "deniedTokens", "oauthSessions"] as const)
      expect(purged[key], key).toBeGreaterThanOrEqual(1);
    expect(purged.providerIntents).toBeGreaterThanOrEqual(1);
    expect(purged.buckets).toBeGreaterThanOrEqual(1);

    expect((await db.cookieSession.findMany({ where: { userId } })).map((row) => row.id)).toEqual([
      ids.s2,
    ]);
    expect((await db.refreshFamily.findMany({ where: { userId } })).map((row) => row.id)).toEqual([
      liveFamily.id,
    ]);
    expect(oldFamily.id).not.toBe(liveFamily.id);
    expect(await db.revokedAccessToken.count({ where: { jti: { in: [ids.j1!, ids.j2!] } } })).toBe(
      1,
    );
    expect(
      (await db.session.findMany({ where: { userId } })).map((row) => row.sessionToken),
    ).toEqual([ids.o2]);
    expect((await db.providerIntent.findMany({ where: { userId } })).map((row) => row.id)).toEqual([
      ids.l2,
    ]);
    expect(
      (await db.throttleBucket.findMany({ where: { key: { in: bucketKeys } } })).map(
        (row) => row.key,
      ),
    ).toEqual([bucketKeys[1]]);
  });

  it("removes throwaway people left behind: proof people after ten minutes, demo people once their credentials have ended", async () => {
    const db = getDb();
    const tag = randomUUID().slice(0, 8);
    const make = (email: string, createdAt: Date) =>
      db.user.create({ data: { email, createdAt }, select: { id: true } });
    const staleProof = await make(`proof-${tag}${THROWAWAY_EMAIL_DOMAIN}`, past(11 * 60 * 1000));
    const runningProof = await make(`proof-new-${tag}${THROWAWAY_EMAIL_DOMAIN}`, past(60 * 1000));
    const oldDemo = await make(`demo-${tag}${DEMO_EMAIL_DOMAIN}`, past(31 * DAY));
    const recentDemo = await make(`demo-new-${tag}${DEMO_EMAIL_DOMAIN}`, past(DAY));
    const someone = await make(`${tag}@purge.test`, past(365 * DAY));

    await purgeExpired();
    const left = await db.user.findMany({
      where: {
        id: { in: [staleProof, runningProof, oldDemo, recentDemo, someone].map((u) => u.id) },
      },
      select: { id: true },
    });
    expect(left.map((u) => u.id).sort()).toEqual(
      [runningProof.id, recentDemo.id, someone.id].sort(),
    );
  });
});
