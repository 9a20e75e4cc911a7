import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { sessionStore } from "@/lib/store/sessions";
import { type Provenance, provenNow } from "../proof";
import { hashToken } from "../tokens";
import { createSession, listUserSessions, shortenIdleTimeout, validateSessionToken } from "./store";

const context = { ip: "192.0.2.10", userAgent: "vitest" };

async function newUser() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@store.test`, name: "Store Test" },
    select: { id: true, email: true, name: true },
  });
}

/** A password just typed by a person at epoch 0 (new people start there). */
const proof = (): Provenance => provenNow(0, "password");

describe("session store", () => {
  it("stores only the SHA-256 of the token and validates it with its user", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(session.id).toBe(hashToken(token));
    expect(await getDb().cookieSession.count({ where: { id: token } })).toBe(0);

    const result = await validateSessionToken(token);
    expect(result.user?.id).toBe(user.id);
    expect(result.session?.idleExpiresAt.getTime()).toBeLessThanOrEqual(
      result.session?.absoluteExpiresAt.getTime() ?? 0,
    );
  });

  it("refuses an unknown token, as a session that has ended", async () => {
    await expect(validateSessionToken("no-such-token")).resolves.toEqual({
      session: null,
      user: null,
      ended: true,
    });
  });

  it("deletes an idle-expired session on sight and logs it", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { idleExpiresAt: new Date(Date.now() - 1000) },
    });

    await expect(validateSessionToken(token)).resolves.toEqual({
      session: null,
      user: null,
      expired: "idle",
    });
    expect(await getDb().cookieSession.count({ where: { id: session.id } })).toBe(0);
    const event = await getDb().authEvent.findFirst({
      where: { userId: user.id, type: "session.expired" },
    });
    // Which session, and whether the lab had shortened it: the lab later says why it ended.
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({
      reason: "idle",
      session: session.id.slice(0, 16),
      shortenedByLab: false,
    });
  });

  it("ends a session at its absolute expiry even while it is active", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { absoluteExpiresAt: new Date(Date.now() - 1) },
    });
    await expect(validateSessionToken(token)).resolves.toEqual({
      session: null,
      user: null,
      expired: "absolute",
    });
  });

  it("slides the idle expiry only after the touch interval, never past the absolute expiry", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    const fresh = await validateSessionToken(token);
    expect(fresh.session?.lastSeenAt.getTime()).toBe(session.lastSeenAt.getTime()); // no write yet

    const absolute = new Date(Date.now() + 60_000);
    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(Date.now() - 120_000), absoluteExpiresAt: absolute },
    });
    const touched = await validateSessionToken(token);
    expect(touched.session?.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(touched.session?.idleExpiresAt.getTime()).toBe(absolute.getTime());
  });

  it("writes nothing when only peeking (background polling): no slide, no clean-up", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    const stale = new Date(Date.now() - 120_000);
    await getDb().cookieSession.update({ where: { id: session.id }, data: { lastSeenAt: stale } });

    const peeked = await validateSessionToken(token, { peek: true });
    expect(peeked.user?.id).toBe(user.id);
    const row = await getDb().cookieSession.findUnique({ where: { id: session.id } });
    expect(row?.lastSeenAt.getTime()).toBe(stale.getTime());

    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { idleExpiresAt: new Date(Date.now() - 1) },
    });
    await expect(validateSessionToken(token, { peek: true })).resolves.toEqual({
      session: null,
      user: null,
      expired: "idle",
    });
    expect(await getDb().cookieSession.count({ where: { id: session.id } })).toBe(1);
  });

  it("shortens one session's idle timeout for the lab, never lengthening it", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    const other = await createSession(user, proof(), context);

    const shortened = await shortenIdleTimeout(session, 20);
    expect(shortened?.idleTimeoutSeconds).toBe(20);
    const validated = await validateSessionToken(token);
    expect(validated.session?.idleTimeoutSeconds).toBe(20);
    const left = (validated.session?.idleExpiresAt.getTime() ?? 0) - Date.now();
    expect(left).toBeGreaterThan(15_000);
    expect(left).toBeLessThanOrEqual(20_000);

    // Asking again for longer keeps the shorter timeout; asking a fresh session for more than the
    // configured timeout gets the configured one. The person's other session keeps the default.
    const again = shortened && (await shortenIdleTimeout(shortened, 10 ** 9));
    expect(again?.idleTimeoutSeconds).toBe(20);
    const capped = await shortenIdleTimeout(
      (await createSession(user, proof(), context)).session,
      10 ** 9,
    );
    expect(capped?.idleTimeoutSeconds).toBe(1800);
    const untouched = await getDb().cookieSession.findUnique({ where: { id: other.session.id } });
    expect(untouched?.idleTimeoutSeconds).toBeNull();
  });

  it("slides a shortened session by its own timeout", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, proof(), context);
    await shortenIdleTimeout(session, 9);
    // The touch interval is a third of the (shortened) timeout: 3 s.
    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(Date.now() - 4_000) },
    });
    const touched = await validateSessionToken(token);
    const left = (touched.session?.idleExpiresAt.getTime() ?? 0) - Date.now();
    expect(left).toBeGreaterThan(8_000);
    expect(left).toBeLessThanOrEqual(9_000);
  });

  it("ends one session, or every session of a person but one, through the store", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const a = await createSession(owner, proof(), context);
    const b = await createSession(owner, proof(), context);
    const c = await createSession(owner, proof(), context);
    const theirs = await createSession(stranger, proof(), context);

    // The devices page ends a session by a handle of the person's own sessions only.
    await expect(
      sessionStore().deleteByHandle(stranger.id, a.session.id.slice(0, 16)),
    ).resolves.toBe(false);
    await expect(sessionStore().delete(a.session.id)).resolves.toEqual({ userId: owner.id });
    await expect(sessionStore().delete(a.session.id)).resolves.toBeNull();
    await expect(sessionStore().deleteForUser(owner.id, b.session.id)).resolves.toBe(1);

    const left = await listUserSessions(owner.id);
    expect(left.map((row) => row.id)).toEqual([b.session.id]);
    for (const ended of [a, c])
      await expect(validateSessionToken(ended.token)).resolves.toEqual({
        session: null,
        user: null,
        ended: true,
      });
    await expect(validateSessionToken(theirs.token)).resolves.toMatchObject({
      user: { id: stranger.id },
    });
  });

  it("carries the proof it came from, and never moves it on a slide", async () => {
    const user = await newUser();
    const provenance: Provenance = {
      epoch: 0,
      authTime: new Date(Date.now() - 10 * 60_000),
      method: "github",
    };
    const { token, session } = await createSession(user, provenance, context);
    expect(session).toMatchObject({ epoch: 0, authMethod: "github" });
    const row = await getDb().cookieSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ epoch: 0, authMethod: "github" });
    expect(row.authTime.getTime()).toBe(provenance.authTime.getTime());

    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(Date.now() - 120_000) },
    });
    const touched = await validateSessionToken(token);
    expect(touched.session?.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(touched.session?.authTime.getTime()).toBe(provenance.authTime.getTime());
    expect(touched.session?.authMethod).toBe("github");
  });

  it("refuses a session made under an older epoch than the person's, and deletes it", async () => {
    const user = await newUser();
    const old = await createSession(user, proof(), context);
    const peeked = await createSession(user, proof(), context);
    // The kill switch bumped the epoch (a password change elsewhere): both are dead.
    await getDb().user.update({ where: { id: user.id }, data: { epoch: 1 } });

    await expect(validateSessionToken(old.token)).resolves.toEqual({
      session: null,
      user: null,
      ended: true,
    });
    expect(await getDb().cookieSession.count({ where: { id: old.session.id } })).toBe(0);
    // A peek refuses it too, but writes nothing.
    await expect(validateSessionToken(peeked.token, { peek: true })).resolves.toEqual({
      session: null,
      user: null,
      ended: true,
    });
    expect(await getDb().cookieSession.count({ where: { id: peeked.session.id } })).toBe(1);
    await expect(listUserSessions(user.id)).resolves.toEqual([]);

    // A sign-in under the new epoch works.
    const fresh = await createSession(user, provenNow(1, "password"), context);
    await expect(validateSessionToken(fresh.token)).resolves.toMatchObject({
      session: { id: fresh.session.id, epoch: 1 },
      user: { id: user.id },
    });
  });
});
