import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb, transaction } from "@/lib/db";
import { jwtSettings } from "./config";
import { listFamilies } from "./families";
import {
  revokeAllFamilies,
  revokeFamily,
  revokeFamilyOfRefreshToken,
  rotateRefreshToken,
  startFamily,
} from "./refresh";
import { type Provenance, provenNow } from "../proof";

// Rotation and reuse detection against the real test database. Every test has its own person.

const context = { ip: "192.0.2.30", userAgent: "vitest" };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function newUser() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@refresh.test`, name: "Refresh Test" },
    select: { id: true, epoch: true },
  });
}

/** A password sign-in just now, at the person's epoch (new people start at 0). */
const proof = (epoch = 0): Provenance => provenNow(epoch, "password");

const tokenRow = (plaintext: string) =>
  getDb().refreshToken.findUniqueOrThrow({ where: { tokenHash: sha256(plaintext) } });
const familyRow = (id: string) => getDb().refreshFamily.findUniqueOrThrow({ where: { id } });

/** Moves a used token's usedAt back, past the reuse grace window. */
async function backdateUse(plaintext: string, seconds = 60) {
  await getDb().refreshToken.update({
    where: { tokenHash: sha256(plaintext) },
    data: { usedAt: new Date(Date.now() - seconds * 1000) },
  });
}

async function rotateOk(plaintext: string): Promise<string> {
  const result = await rotateRefreshToken(plaintext, context);
  if (!result.ok) throw new Error(`rotation failed: ${result.reason}`);
  return result.refreshToken;
}

describe("startFamily", () => {
  it("stores only the SHA-256 of the refresh token", async () => {
    const user = await newUser();
    const { refreshToken, familyId, expiresAt } = await startFamily(user.id, proof(), context);

    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(await getDb().refreshToken.count({ where: { tokenHash: refreshToken } })).toBe(0);
    const rows = await getDb().refreshToken.findMany({ where: { familyId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tokenHash: sha256(refreshToken),
      parentId: null,
      usedAt: null,
    });
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const family = await familyRow(familyId);
    expect(family).toMatchObject({
      userId: user.id,
      revokedAt: null,
      revokedReason: null,
      ip: context.ip,
      userAgent: context.userAgent,
      epoch: 0,
      authMethod: "password",
      exchangedFrom: null,
    });
    expect(family.expiresAt.getTime()).toBe(expiresAt.getTime());
    const ttlMs = jwtSettings().refreshTtlSeconds * 1000;
    expect(Math.abs(expiresAt.getTime() - (Date.now() + ttlMs))).toBeLessThan(5_000);
  });

  it("carries the proof it was made from, and what it was exchanged for", async () => {
    const user = await newUser();
    const provedAt = new Date(Date.now() - 20 * 60_000);
    const { familyId } = await startFamily(
      user.id,
      { epoch: 0, authTime: provedAt, method: "google" },
      context,
      "oauth",
    );
    const family = await familyRow(familyId);
    expect(family).toMatchObject({ epoch: 0, authMethod: "google", exchangedFrom: "oauth" });
    expect(family.authTime.getTime()).toBe(provedAt.getTime());
  });

  it("starts an independent family on every sign-in", async () => {
    const user = await newUser();
    const a = await startFamily(user.id, proof(), context);
    const b = await startFamily(user.id, proof(), context);
    expect(a.familyId).not.toBe(b.familyId);
    expect(a.refreshToken).not.toBe(b.refreshToken);
  });
});

describe("rotateRefreshToken", () => {
  it("rotates once: a new token, the old one marked used, the new one its child", async () => {
    const user = await newUser();
    const provenance = proof();
    const {
      refreshToken: first,
      familyId,
      expiresAt,
    } = await startFamily(user.id, provenance, context);
    const before = await tokenRow(first);

    const result = await rotateRefreshToken(first, context);
    expect(result).toEqual({
      ok: true,
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      claims: expect.objectContaining({
        sub: user.id,
        fam: familyId,
        ver: 0,
        // The sign-in's proof time: a refresh never makes it newer.
        auth_time: Math.floor(provenance.authTime.getTime() / 1000),
      }),
      familyId,
      familyExpiresAt: expiresAt,
      accessTtlSeconds: jwtSettings().accessTtlSeconds,
      user: { id: user.id, epoch: 0 },
    });
    if (!result.ok) return;
    expect(result.refreshToken).not.toBe(first);

    const old = await tokenRow(first);
    expect(old.usedAt).toBeInstanceOf(Date);
    expect(Math.abs((old.usedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(5_000);
    const child = await tokenRow(result.refreshToken);
    expect(child).toMatchObject({ parentId: before.id, familyId, usedAt: null });
    expect(await getDb().refreshToken.count({ where: { tokenHash: result.refreshToken } })).toBe(0);

    const event = await getDb().authEvent.findFirst({
      where: { userId: user.id, type: "token.refreshed" },
    });
    expect(event?.detail).not.toContain(result.refreshToken);
    expect(event?.detail).not.toContain(first);
  });

  it("refuses a family made under an older epoch and revokes it (epoch_changed)", async () => {
    const user = await newUser();
    // A sign-in that read epoch 0 before the kill switch moved the person to 7.
    const { refreshToken, familyId } = await startFamily(user.id, proof(0), context);
    await getDb().user.update({ where: { id: user.id }, data: { epoch: 7 } });

    await expect(rotateRefreshToken(refreshToken, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    const family = await familyRow(familyId);
    expect(family.revokedAt).toBeInstanceOf(Date);
    expect(family.revokedReason).toBe("epoch_changed");
    // No successor was made, and the refusal is logged on the person's timeline.
    expect(await getDb().refreshToken.count({ where: { familyId } })).toBe(1);
    const event = await getDb().authEvent.findFirst({
      where: { userId: user.id, type: "family.revoked" },
    });
    expect(JSON.parse(event?.detail ?? "{}")).toMatchObject({ reason: "epoch_changed" });
    await expect(rotateRefreshToken(refreshToken, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });

    // A family made under the current epoch rotates, and reports it.
    const current = await startFamily(user.id, proof(7), context);
    await expect(rotateRefreshToken(current.refreshToken, context)).resolves.toMatchObject({
      ok: true,
      claims: { ver: 7 },
      user: { id: user.id, epoch: 7 },
    });
  });

  it("revokes the family when a used token comes back after the grace window", async () => {
    const user = await newUser();
    const { refreshToken: first, familyId } = await startFamily(user.id, proof(), context);
    const second = await rotateOk(first);
    await backdateUse(first, 60);

    await expect(rotateRefreshToken(first, context)).resolves.toEqual({
      ok: false,
      reason: "reuse_detected",
    });
    const family = await familyRow(familyId);
    expect(family.revokedAt).toBeInstanceOf(Date);
    expect(family.revokedReason).toBe("reuse_detected");

    // The thief's (or the victim's) newest token dies with the family.
    await expect(rotateRefreshToken(second, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    // And no new token was minted for the replayed one.
    expect(await getDb().refreshToken.count({ where: { familyId } })).toBe(2);

    const event = await getDb().authEvent.findFirst({
      where: { userId: user.id, type: "refresh.reuse_detected" },
    });
    expect(event).not.toBeNull();
    expect(event?.strategy).toBe("jwt");
    expect(JSON.parse(event?.detail ?? "{}")).toMatchObject({ reason: "reuse_detected" });
  });

  it("treats a replay within the grace window as a lost race, not theft", async () => {
    const user = await newUser();
    const { refreshToken: first, familyId } = await startFamily(user.id, proof(), context);
    const second = await rotateOk(first);

    await expect(rotateRefreshToken(first, context)).resolves.toEqual({
      ok: false,
      reason: "superseded",
    });
    const family = await familyRow(familyId);
    expect(family.revokedAt).toBeNull();
    expect(family.revokedReason).toBeNull();
    expect(
      await getDb().authEvent.count({ where: { userId: user.id, type: "refresh.reuse_detected" } }),
    ).toBe(0);
    // The winner's token still works.
    await expect(rotateRefreshToken(second, context)).resolves.toMatchObject({ ok: true });
  });

  it("treats a replay within the grace window as theft once the successor was used too", async () => {
    const user = await newUser();
    const { refreshToken: first, familyId } = await startFamily(user.id, proof(), context);
    const second = await rotateOk(first);
    const third = await rotateOk(second);

    await expect(rotateRefreshToken(first, context)).resolves.toEqual({
      ok: false,
      reason: "reuse_detected",
    });
    expect((await familyRow(familyId)).revokedReason).toBe("reuse_detected");
    await expect(rotateRefreshToken(third, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("lets exactly one of ten parallel rotations of the same token win", async () => {
    const user = await newUser();
    const { refreshToken, familyId } = await startFamily(user.id, proof(), context);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => rotateRefreshToken(refreshToken, context)),
    );
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    for (const loser of losers) expect(loser).toEqual({ ok: false, reason: "superseded" });

    const family = await familyRow(familyId);
    expect(family.revokedAt).toBeNull();
    const tokens = await getDb().refreshToken.findMany({ where: { familyId } });
    expect(tokens).toHaveLength(2);
    const live = tokens.filter((token) => token.usedAt === null);
    expect(live).toHaveLength(1);
    const winner = winners[0];
    if (!winner?.ok) throw new Error("no winner");
    expect(live[0]?.tokenHash).toBe(sha256(winner.refreshToken));
  });

  it("never extends the family's lifetime across rotations", async () => {
    const user = await newUser();
    const started = await startFamily(user.id, proof(), context);
    let token = started.refreshToken;
    for (let round = 0; round < 4; round++) {
      const result = await rotateRefreshToken(token, context);
      if (!result.ok) throw new Error(`rotation failed: ${result.reason}`);
      expect(result.familyExpiresAt.getTime()).toBe(started.expiresAt.getTime());
      token = result.refreshToken;
    }
    expect((await familyRow(started.familyId)).expiresAt.getTime()).toBe(
      started.expiresAt.getTime(),
    );
    expect(await getDb().refreshToken.count({ where: { familyId: started.familyId } })).toBe(5);
  });

  it("refuses every token of a family past its absolute expiry", async () => {
    const user = await newUser();
    const { refreshToken: first, familyId } = await startFamily(user.id, proof(), context);
    const second = await rotateOk(first);
    await getDb().refreshFamily.update({
      where: { id: familyId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    await expect(rotateRefreshToken(second, context)).resolves.toEqual({
      ok: false,
      reason: "expired",
    });
    expect((await tokenRow(second)).usedAt).toBeNull();
    expect(await getDb().refreshToken.count({ where: { familyId } })).toBe(2);
  });

  it("refuses a token it never issued", async () => {
    await expect(rotateRefreshToken("no-such-token", context)).resolves.toEqual({
      ok: false,
      reason: "unknown",
    });
    await expect(rotateRefreshToken("", context)).resolves.toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("refuses the stored hash presented as if it were the token", async () => {
    const user = await newUser();
    const { refreshToken } = await startFamily(user.id, proof(), context);
    await expect(rotateRefreshToken(sha256(refreshToken), context)).resolves.toEqual({
      ok: false,
      reason: "unknown",
    });
  });
});

describe("revocation", () => {
  it("revokeFamily works only for the family's owner, once", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const { refreshToken, familyId } = await startFamily(owner.id, proof(), context);

    await expect(revokeFamily(familyId, stranger.id, "revoked_by_user")).resolves.toBe(false);
    expect((await familyRow(familyId)).revokedAt).toBeNull();

    await expect(revokeFamily(familyId, owner.id, "revoked_by_user", context)).resolves.toBe(true);
    await expect(revokeFamily(familyId, owner.id, "logout")).resolves.toBe(false);
    expect((await familyRow(familyId)).revokedReason).toBe("revoked_by_user");
    await expect(rotateRefreshToken(refreshToken, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(
      await getDb().authEvent.count({ where: { userId: owner.id, type: "family.revoked" } }),
    ).toBe(1);
  });

  it("revokeAllFamilies revokes every live family of the person and returns the count", async () => {
    const [user, other] = [await newUser(), await newUser()];
    const families = [
      await startFamily(user.id, proof(), context),
      await startFamily(user.id, proof(), context),
      await startFamily(user.id, proof(), context),
    ];
    const alreadyRevoked = await startFamily(user.id, proof(), context);
    await revokeFamily(alreadyRevoked.familyId, user.id, "logout");
    const untouched = await startFamily(other.id, proof(), context);

    await expect(
      transaction((tx) => revokeAllFamilies(tx, user.id, "signed_out_everywhere", context)),
    ).resolves.toBe(3);

    for (const family of families) {
      const row = await familyRow(family.familyId);
      expect(row.revokedAt).toBeInstanceOf(Date);
      expect(row.revokedReason).toBe("signed_out_everywhere");
      await expect(rotateRefreshToken(family.refreshToken, context)).resolves.toEqual({
        ok: false,
        reason: "revoked",
      });
    }
    expect((await familyRow(alreadyRevoked.familyId)).revokedReason).toBe("logout");
    expect((await familyRow(untouched.familyId)).revokedAt).toBeNull();
    await expect(rotateRefreshToken(untouched.refreshToken, context)).resolves.toMatchObject({
      ok: true,
    });

    await expect(
      transaction((tx) => revokeAllFamilies(tx, user.id, "signed_out_everywhere")),
    ).resolves.toBe(0);
  });

  it("revokeFamilyOfRefreshToken ends the token's family and names its owner", async () => {
    const user = await newUser();
    const { refreshToken: first, familyId } = await startFamily(user.id, proof(), context);
    const second = await rotateOk(first);
    const otherFamily = await startFamily(user.id, proof(), context);

    await expect(revokeFamilyOfRefreshToken(second, context)).resolves.toBe(user.id);
    const family = await familyRow(familyId);
    expect(family.revokedAt).toBeInstanceOf(Date);
    expect(family.revokedReason).toBe("logout");
    await expect(rotateRefreshToken(second, context)).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    expect((await familyRow(otherFamily.familyId)).revokedAt).toBeNull();

    // An already-used token of the family still names it (sign-out with a stale cookie works).
    await expect(revokeFamilyOfRefreshToken(first, context)).resolves.toBe(user.id);
    await expect(revokeFamilyOfRefreshToken("no-such-token", context)).resolves.toBeNull();
  });
});

describe("listFamilies", () => {
  it("shows each family's chain with redacted hashes and states", async () => {
    const user = await newUser();
    const live = await startFamily(user.id, proof(), context);
    const second = await rotateOk(live.refreshToken);
    const revoked = await startFamily(user.id, proof(), context);
    await revokeFamily(revoked.familyId, user.id, "revoked_by_user");

    const views = await listFamilies(user.id);
    expect(views.map((view) => view.id).sort()).toEqual([live.familyId, revoked.familyId].sort());

    const liveView = views.find((view) => view.id === live.familyId);
    expect(liveView).toMatchObject({ state: "active", revokedAt: null, revokedReason: null });
    expect(liveView?.chain.map((link) => link.state)).toEqual(["used", "live"]);
    expect(liveView?.chain[1]?.hash).toBe(`${sha256(second).slice(0, 8)}…`);

    const revokedView = views.find((view) => view.id === revoked.familyId);
    expect(revokedView).toMatchObject({ state: "revoked", revokedReason: "revoked_by_user" });
    expect(revokedView?.chain.map((link) => link.state)).toEqual(["revoked"]);

    const text = JSON.stringify(views);
    for (const token of [live.refreshToken, second, revoked.refreshToken]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(sha256(token));
    }
  });
});

describe("one transaction per change", () => {
  it("a rotation that fails halfway changes nothing: no used token, no reuse alarm, no event", async () => {
    const user = await newUser();
    const { refreshToken, familyId } = await startFamily(user.id, proof(), context);
    const parent = await tokenRow(refreshToken);
    // A successor already exists for this token (as if a crash had left one): creating the real
    // successor violates the one-child rule after the claim, so the whole rotation must roll back.
    const stray = await getDb().refreshToken.create({
      data: { tokenHash: sha256(randomUUID()), familyId, parentId: parent.id },
    });
    await expect(rotateRefreshToken(refreshToken, context)).rejects.toThrow();

    expect((await tokenRow(refreshToken)).usedAt).toBeNull();
    expect((await familyRow(familyId)).revokedAt).toBeNull();
    expect(
      await getDb().authEvent.count({ where: { userId: user.id, type: "token.refreshed" } }),
    ).toBe(0);

    // With the stray row gone, the same token rotates normally: nobody was signed out.
    await getDb().refreshToken.delete({ where: { id: stray.id } });
    await expect(rotateRefreshToken(refreshToken, context)).resolves.toMatchObject({ ok: true });
  });

  it("a refresh racing a sign-out never leaves a usable token behind", async () => {
    for (let round = 0; round < 10; round++) {
      const user = await newUser();
      const { refreshToken, familyId } = await startFamily(user.id, proof(), context);
      const [rotated] = await Promise.all([
        rotateRefreshToken(refreshToken, context),
        revokeFamily(familyId, user.id, "logout", context),
      ]);
      expect((await familyRow(familyId)).revokedReason, `round ${round}`).toBe("logout");
      if (rotated.ok) {
        // It won the race, so its tokens belong to the family the sign-out then revoked.
        expect(rotated.familyId).toBe(familyId);
        await expect(rotateRefreshToken(rotated.refreshToken, context)).resolves.toEqual({
          ok: false,
          reason: "revoked",
        });
      } else {
        expect(rotated.reason).toBe("revoked");
      }
    }
  });
});

describe("lifetimes of a family", () => {
  it("a family unused for the idle timeout is dead, however long its absolute lifetime", async () => {
    const user = await newUser();
    const { refreshToken, familyId } = await startFamily(user.id, proof(), context);
    await getDb().refreshFamily.update({
      where: { id: familyId },
      data: { lastUsedAt: new Date(Date.now() - (jwtSettings().refreshIdleSeconds + 5) * 1000) },
    });
    await expect(rotateRefreshToken(refreshToken, context)).resolves.toEqual({
      ok: false,
      reason: "idle",
    });
  });

  it("each rotation moves the idle deadline", async () => {
    const user = await newUser();
    const { refreshToken, familyId } = await startFamily(user.id, proof(), context);
    const old = new Date(Date.now() - 60_000);
    await getDb().refreshFamily.update({ where: { id: familyId }, data: { lastUsedAt: old } });
    await rotateOk(refreshToken);
    expect((await familyRow(familyId)).lastUsedAt.getTime()).toBeGreaterThan(old.getTime());
  });

  it("an access token never outlives its family", async () => {
    const user = await newUser();
    const { refreshToken, familyId } = await startFamily(user.id, proof(), context);
    const end = new Date(Date.now() + 30_000);
    await getDb().refreshFamily.update({ where: { id: familyId }, data: { expiresAt: end } });
    const result = await rotateRefreshToken(refreshToken, context);
    if (!result.ok) throw new Error(result.reason);
    expect(result.claims.exp * 1000).toBeLessThanOrEqual(end.getTime());
    expect(result.claims.exp - result.claims.iat).toBeLessThan(jwtSettings().accessTtlSeconds);
  });
});
