import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { hashToken } from "../tokens";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  validateSessionToken,
} from "./store";

const context = { ip: "192.0.2.10", userAgent: "vitest" };

async function newUser() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@store.test`, name: "Store Test" },
    select: { id: true },
  });
}

describe("session store", () => {
  it("stores only the SHA-256 of the token and validates it with its user", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user.id, context);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(session.id).toBe(hashToken(token));
    expect(await getDb().cookieSession.count({ where: { id: token } })).toBe(0);

    const result = await validateSessionToken(token);
    expect(result.user?.id).toBe(user.id);
    expect(result.session?.idleExpiresAt.getTime()).toBeLessThanOrEqual(
      result.session?.absoluteExpiresAt.getTime() ?? 0,
    );
  });

  it("refuses an unknown token", async () => {
    await expect(validateSessionToken("no-such-token")).resolves.toEqual({
      session: null,
      user: null,
    });
  });

  it("deletes an idle-expired session on sight and logs it", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user.id, context);
    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { idleExpiresAt: new Date(Date.now() - 1000) },
    });

    await expect(validateSessionToken(token)).resolves.toEqual({ session: null, user: null });
    expect(await getDb().cookieSession.count({ where: { id: session.id } })).toBe(0);
    const event = await getDb().authEvent.findFirst({
      where: { userId: user.id, type: "session.expired" },
    });
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ reason: "idle" });
  });

  it("ends a session at its absolute expiry even while it is active", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user.id, context);
    await getDb().cookieSession.update({
      where: { id: session.id },
      data: { absoluteExpiresAt: new Date(Date.now() - 1) },
    });
    await expect(validateSessionToken(token)).resolves.toEqual({ session: null, user: null });
  });

  it("slides the idle expiry only after the touch interval, never past the absolute expiry", async () => {
    const user = await newUser();
    const { token, session } = await createSession(user.id, context);
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

  it("revokes one session only for its owner, and all but the current one", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const a = await createSession(owner.id, context);
    const b = await createSession(owner.id, context);
    const c = await createSession(owner.id, context);

    await expect(invalidateSession(a.session.id, stranger.id)).resolves.toBe(false);
    await expect(invalidateSession(a.session.id, owner.id)).resolves.toBe(true);
    await expect(invalidateUserSessions(owner.id, b.session.id)).resolves.toBe(1);

    const left = await listUserSessions(owner.id);
    expect(left.map((row) => row.id)).toEqual([b.session.id]);
    await expect(validateSessionToken(c.token)).resolves.toEqual({ session: null, user: null });
  });
});
