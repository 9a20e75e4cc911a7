import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { databaseSessions } from "./database";
import { memorySessions } from "./memory";
import { redisSessions } from "./redis";
import type { DeviceSession, SessionStore } from "./types";

// One contract, three stores: the database, a real redis-server (started by the unit tests' global
// setup), and the lab's in-memory teaching mode. Whatever the store, the guard sees the same.

process.env.REDIS_URL = process.env.TEST_REDIS_URL;

const HOUR = 60 * 60 * 1000;

async function person() {
  // Database sessions need a real row to belong to; the others take the same person.
  return getDb().user.create({
    data: { email: `${randomUUID()}@stores.test`, name: "Store Contract" },
    select: { id: true, email: true, name: true },
  });
}

function newSession(
  userId: string,
  overrides: { absoluteMs?: number; idleMs?: number; epoch?: number } = {},
): DeviceSession {
  const now = Date.now();
  return {
    id: randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, ""),
    userId,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    idleExpiresAt: new Date(now + (overrides.idleMs ?? HOUR)),
    absoluteExpiresAt: new Date(now + (overrides.absoluteMs ?? 24 * HOUR)),
    idleTimeoutSeconds: null,
    epoch: overrides.epoch ?? 0,
    // The proof the session came from: a password typed a minute before.
    authTime: new Date(now - 60_000),
    authMethod: "password",
    userAgent: "vitest",
    ip: "192.0.2.5",
  };
}

describe.each<[string, SessionStore]>([
  ["database", databaseSessions],
  ["redis", redisSessions],
  ["memory", memorySessions],
])("the %s session store", (_kind, store) => {
  it("creates a session and finds it with its person in one call", async () => {
    const user = await person();
    const session = newSession(user.id);
    await store.create(session, user);
    const found = await store.find(session.id);
    expect(found?.user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(found?.session).toMatchObject({
      id: session.id,
      userId: user.id,
      idleTimeoutSeconds: null,
      epoch: 0,
      authMethod: "password",
    });
    // The person's current epoch comes back in the same call.
    expect(found?.epoch).toBe(0);
    expect(found?.session.absoluteExpiresAt.getTime()).toBe(session.absoluteExpiresAt.getTime());
    expect(found?.session.authTime.getTime()).toBe(session.authTime.getTime());
    await expect(store.find("no-such-session")).resolves.toBeNull();
  });

  it("slides the idle deadline, unless the timeout changed since it was read", async () => {
    const user = await person();
    const session = newSession(user.id);
    await store.create(session, user);
    const later = new Date(Date.now() + 1000);
    await store.touch(session.id, later, new Date(later.getTime() + HOUR), null);
    expect((await store.find(session.id))?.session.lastSeenAt.getTime()).toBe(later.getTime());

    expect(
      await store.setIdleTimeout(session.id, 20, later, new Date(later.getTime() + 20_000)),
    ).toBe(true);
    // A slide computed from the old timeout must not undo the shortening.
    await store.touch(session.id, new Date(), new Date(Date.now() + HOUR), null);
    const shortened = (await store.find(session.id))?.session;
    expect(shortened?.idleTimeoutSeconds).toBe(20);
    expect(shortened?.idleExpiresAt.getTime()).toBe(later.getTime() + 20_000);
    expect(await store.setIdleTimeout("no-such-session", 20, later, later)).toBe(false);

    // Undone: the configured timeout again (null, as a new session has), and slides resume.
    const restoredUntil = new Date(Date.now() + HOUR);
    expect(await store.setIdleTimeout(session.id, null, new Date(), restoredUntil)).toBe(true);
    const restored = (await store.find(session.id))?.session;
    expect(restored?.idleTimeoutSeconds).toBeNull();
    expect(restored?.idleExpiresAt.getTime()).toBe(restoredUntil.getTime());
    const slid = new Date(Date.now() + 2 * HOUR);
    await store.touch(session.id, new Date(), slid, null);
    expect((await store.find(session.id))?.session.idleExpiresAt.getTime()).toBe(slid.getTime());
  });

  it("lists a person's live sessions, newest use first, and ends them one, all, or all but one", async () => {
    const [user, other] = [await person(), await person()];
    const sessions = [newSession(user.id), newSession(user.id), newSession(user.id)];
    sessions[1]!.lastSeenAt = new Date(Date.now() + 5000);
    for (const session of sessions) await store.create(session, user);
    const theirs = newSession(other.id);
    await store.create(theirs, other);

    const listed = await store.list(user.id);
    expect(listed.map((row) => row.id)).toEqual(
      [sessions[1]!.id, sessions[0]!.id, sessions[2]!.id]
        .slice(0, 1)
        .concat(listed.slice(1).map((row) => row.id)),
    );
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({ userAgent: "vitest", ip: "192.0.2.5" });

    await expect(store.delete(sessions[0]!.id)).resolves.toEqual({ userId: user.id });
    await expect(store.delete(sessions[0]!.id)).resolves.toBeNull();
    await expect(store.deleteByHandle(user.id, sessions[2]!.id.slice(0, 16))).resolves.toBe(true);
    await expect(store.deleteByHandle(user.id, theirs.id.slice(0, 16))).resolves.toBe(false);
    expect((await store.list(user.id)).map((row) => row.id)).toEqual([sessions[1]!.id]);

    await store.create(newSession(user.id), user);
    await expect(store.deleteForUser(user.id, sessions[1]!.id)).resolves.toBe(1);
    expect((await store.list(user.id)).map((row) => row.id)).toEqual([sessions[1]!.id]);
    await expect(store.deleteForUser(user.id)).resolves.toBe(1);
    await expect(store.list(user.id)).resolves.toEqual([]);
    // The other person was never touched.
    expect((await store.list(other.id)).map((row) => row.id)).toEqual([theirs.id]);
  });

  it("ends every session of a person at the kill switch, and only theirs", async () => {
    const [user, other] = [await person(), await person()];
    const ended = [newSession(user.id), newSession(user.id)];
    for (const session of ended) await store.create(session, user);
    const theirs = newSession(other.id);
    await store.create(theirs, other);

    // As the kill switch does it (lib/auth/account/revoke-all.ts): the person's epoch is bumped
    // (the User row, in the database) and the store told.
    await getDb().user.update({ where: { id: user.id }, data: { epoch: 1 } });
    await expect(store.endForUser(user.id, 1)).resolves.toBe(2);

    for (const session of ended) await expect(store.find(session.id)).resolves.toBeNull();
    expect(await store.list(user.id)).toEqual([]);
    expect((await store.list(other.id)).map((row) => row.id)).toEqual([theirs.id]);
  });

  it("never lets a session made under an older epoch be used once the kill switch has run", async () => {
    const user = await person();
    await getDb().user.update({ where: { id: user.id }, data: { epoch: 3 } });
    await store.endForUser(user.id, 3);

    // A sign-in that read the old epoch before the switch, arriving after it.
    const late = newSession(user.id, { epoch: 2 });
    await store.create(late, user);
    const found = await store.find(late.id);
    // Either not stored at all, or found with the person's newer epoch (the guard then ends it).
    if (found) expect(found.session.epoch).toBeLessThan(found.epoch);
    expect((await store.list(user.id)).map((row) => row.id)).not.toContain(late.id);

    // One made under the current epoch is stored and listed as usual.
    const current = newSession(user.id, { epoch: 3 });
    await store.create(current, user);
    const live = await store.find(current.id);
    expect(live?.session.epoch).toBe(3);
    expect(live?.epoch).toBe(3);
    expect((await store.list(user.id)).map((row) => row.id)).toEqual([current.id]);
  });

  it("leaves idle and expired sessions out of the list", async () => {
    const user = await person();
    const idle = { ...newSession(user.id), idleExpiresAt: new Date(Date.now() - 1) };
    await store.create(idle, user);
    const live = newSession(user.id);
    await store.create(live, user);
    expect((await store.list(user.id)).map((row) => row.id)).toEqual([live.id]);
  });
});

describe("the redis session store, specifically", () => {
  it("lets a session's key expire by itself at the absolute end", async () => {
    const user = await person();
    const session = newSession(user.id, { absoluteMs: 400, idleMs: 400 });
    await redisSessions.create(session, user);
    expect(await redisSessions.find(session.id)).not.toBeNull();
    await expect
      .poll(() => redisSessions.find(session.id), { timeout: 5000, interval: 200 })
      .toBeNull();
    // Its id, left in the person's set, is tidied on the next list.
    await expect(redisSessions.list(user.id)).resolves.toEqual([]);
  });
});
