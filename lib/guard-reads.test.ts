import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { issueTokenPair } from "@/lib/auth/jwt/lifecycle";
import { revokeFamily } from "@/lib/auth/jwt/refresh";
import { checkNotRevoked, denyAccessToken } from "@/lib/auth/jwt/revocation";
import { findOAuthSession } from "@/lib/auth/oauth/adapter";
import { provenNow } from "@/lib/auth/proof";
import { hashToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { type ReadPath, readGuardsThrough } from "@/lib/sqlite-reads";
import { databaseSessions } from "@/lib/store/sessions/database";

// Every guard's one read, through both paths: the read-only connection a local file gets, and
// the ORM's raw query that a Turso deployment runs (and a local file never would). Same SQL, same
// mapper: the same answer, for a live credential and for each way one ends.

const context = { ip: "192.0.2.41", userAgent: "vitest" };
const HOUR = 60 * 60 * 1000;

afterAll(() => readGuardsThrough(null));

/** The answer `read` gives through each path, in this order. */
async function throughBoth<T>(read: () => Promise<T>): Promise<Record<ReadPath, T>> {
  readGuardsThrough("direct");
  const direct = await read();
  readGuardsThrough("orm");
  const orm = await read();
  readGuardsThrough(null);
  return { direct, orm };
}

async function person() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@guard-reads.test`, name: "Guard Reads" },
    select: { id: true, email: true, name: true, epoch: true },
  });
}

const bumpEpoch = (id: string) =>
  getDb().user.update({ where: { id }, data: { epoch: { increment: 1 } } });

describe("the session guard's read", () => {
  it("finds a live session with its person, and nothing once it is gone", async () => {
    const user = await person();
    const now = Date.now();
    const id = randomUUID().replace(/-/g, "");
    await databaseSessions.create(
      {
        id,
        userId: user.id,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        idleExpiresAt: new Date(now + HOUR),
        absoluteExpiresAt: new Date(now + 24 * HOUR),
        idleTimeoutSeconds: null,
        epoch: user.epoch,
        authTime: new Date(now - 60_000),
        authMethod: "password",
        userAgent: "vitest",
        ip: context.ip,
      },
      user,
    );
    const live = await throughBoth(() => databaseSessions.find(id));
    expect(live.direct?.user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(live.direct?.session.authTime).toBeInstanceOf(Date);
    expect(live.orm).toEqual(live.direct);

    await getDb().cookieSession.delete({ where: { id } });
    expect(await throughBoth(() => databaseSessions.find(id))).toEqual({ direct: null, orm: null });
  });
});

describe("the checked JWT guard's read", () => {
  it("passes a live token, and refuses one denied, of an ended family or of an older epoch", async () => {
    const user = await person();
    const { claims, familyId } = await issueTokenPair(
      user.id,
      provenNow(user.epoch, "password"),
      context,
    );
    const live = await throughBoth(() => checkNotRevoked(claims));
    expect(live.direct).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
    expect(live.orm).toEqual(live.direct);

    const refused = { ok: false, reason: "revoked" };
    await denyAccessToken(claims);
    expect(await throughBoth(() => checkNotRevoked(claims))).toEqual({
      direct: refused,
      orm: refused,
    });

    const second = await issueTokenPair(user.id, provenNow(user.epoch, "password"), context);
    await revokeFamily(second.familyId, user.id, "logout", context);
    expect(await throughBoth(() => checkNotRevoked(second.claims))).toEqual({
      direct: refused,
      orm: refused,
    });

    const third = await issueTokenPair(user.id, provenNow(user.epoch, "password"), context);
    await bumpEpoch(user.id);
    expect(await throughBoth(() => checkNotRevoked(third.claims))).toEqual({
      direct: refused,
      orm: refused,
    });
    expect(familyId).not.toBe(second.familyId);
  });
});

describe("the Auth.js guard's read", () => {
  it("finds a live session with its person and proof, and nothing after a kill switch", async () => {
    const user = await person();
    const token = randomUUID();
    const authTime = new Date(Date.now() - 5000);
    await getDb().session.create({
      data: {
        sessionToken: hashToken(token),
        userId: user.id,
        expires: new Date(Date.now() + HOUR),
        epoch: user.epoch,
        authTime,
        authMethod: "google",
      },
    });
    const live = await throughBoth(() => findOAuthSession(token));
    expect(live.direct?.user).toMatchObject({ id: user.id, email: user.email });
    expect(live.direct?.session.provenance).toEqual({
      epoch: user.epoch,
      authTime,
      method: "google",
    });
    expect(live.orm).toEqual(live.direct);

    await bumpEpoch(user.id);
    expect(await throughBoth(() => findOAuthSession(token))).toEqual({ direct: null, orm: null });
  });
});
