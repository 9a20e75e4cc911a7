import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { hashToken } from "../tokens";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  shortenIdleTimeout,
  validateSessionToken,
} from "./store";

const context = { ip: "192.0.2.10", userAgent: "vitest" };

async function newUser() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@store.test`, name: "Store Test" },
    select: { id: true, email: true, name: true },
  });
}

describe("session store", () => {
  it("stores only the SHA-256 of the token and validates it with its user", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, context);
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
    const { token, session } = await createSession(user, context);
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
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ reason: "idle" });
  });

  it("ends a session at its absolute expiry even while it is active", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, context);
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
    const { token, session } = await createSession(user, context);
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
    const { token, session } = await createSession(user, context);
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
    const { token, session } = await createSession(user, context);
    const other = await createSession(user, context);

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
    const capped = await shortenIdleTimeout((await createSession(user, context)).session, 10 ** 9);
    expect(capped?.idleTimeoutSeconds).toBe(1800);
    const untouched = await getDb().cookieSession.findUnique({ where: { id: other.session.id } });
    expect(untouched?.idleTimeoutSeconds).toBeNull();
  });

  it("slides a shortened session by its own timeout", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user, context);
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

  it("revokes one session only for its owner, and all but the current one", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const a = await createSession(owner, context);
    const b = await createSession(owner, context);
    const c = await createSession(owner, context);

    await expect(invalidateSession(a.session.id, stranger.id)).resolves.toBe(false);
    await expect(invalidateSession(a.session.id, owner.id)).resolves.toBe(true);
    await expect(invalidateUserSessions(owner.id, b.session.id)).resolves.toBe(1);

    const left = await listUserSessions(owner.id);
    expect(left.map((row) => row.id)).toEqual([b.session.id]);
    await expect(validateSessionToken(c.token)).resolves.toEqual({
      session: null,
      user: null,
      ended: true,
    });
  });
});
