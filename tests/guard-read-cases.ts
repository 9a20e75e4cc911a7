import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueTokenPair } from "@/lib/auth/jwt/lifecycle";
import { revokeFamily } from "@/lib/auth/jwt/refresh";
import { checkNotRevoked, denyAccessToken } from "@/lib/auth/jwt/revocation";
import { findOAuthSession } from "@/lib/auth/oauth/adapter";
import { provenNow } from "@/lib/auth/proof";
import { hashToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { databaseSessions } from "@/lib/store/sessions/database";

// Every guard's one read, for a live credential and for each way one ends: the cases, shared by
// the local file's test (both read paths, lib/guard-reads.test.ts) and the network database's
// (the libSQL double, lib/guard-reads-network.test.ts).

/**
 * Runs one guard read the way the caller's database reads it, checks what the caller checks of
 * every read (the two paths agree; one round trip), and returns its answer.
 */
export type ReadThrough = <T>(read: () => Promise<T>) => Promise<T>;

const context = { ip: "192.0.2.41", userAgent: "vitest" };
const HOUR = 60 * 60 * 1000;

async function person() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@guard-reads.test`, name: "Guard Reads" },
    select: { id: true, email: true, name: true, epoch: true },
  });
}

const bumpEpoch = (id: string) =>
  getDb().user.update({ where: { id }, data: { epoch: { increment: 1 } } });

export function guardReadCases(through: ReadThrough): void {
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
      const live = await through(() => databaseSessions.find(id));
      expect(live?.user).toEqual({ id: user.id, email: user.email, name: user.name });
      expect(live?.session.authTime).toBeInstanceOf(Date);

      await getDb().cookieSession.delete({ where: { id } });
      expect(await through(() => databaseSessions.find(id))).toBeNull();
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
      const live = await through(() => checkNotRevoked(claims));
      expect(live).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });

      const refused = { ok: false, reason: "revoked" };
      await denyAccessToken(claims);
      expect(await through(() => checkNotRevoked(claims))).toEqual(refused);

      const second = await issueTokenPair(user.id, provenNow(user.epoch, "password"), context);
      await revokeFamily(second.familyId, user.id, "logout", context);
      expect(await through(() => checkNotRevoked(second.claims))).toEqual(refused);

      const third = await issueTokenPair(user.id, provenNow(user.epoch, "password"), context);
      await bumpEpoch(user.id);
      expect(await through(() => checkNotRevoked(third.claims))).toEqual(refused);
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
      const live = await through(() => findOAuthSession(token));
      expect(live?.user).toMatchObject({ id: user.id, email: user.email });
      expect(live?.session.provenance).toEqual({
        epoch: user.epoch,
        authTime,
        method: "google",
      });

      await bumpEpoch(user.id);
      expect(await through(() => findOAuthSession(token))).toBeNull();
    });
  });
}
