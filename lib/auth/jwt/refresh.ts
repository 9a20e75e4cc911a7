import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, transaction, type Tx } from "@/lib/db";
import { sqlDate, type Statement, writeTogether } from "@/lib/write-together";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import type { Provenance } from "../proof";
import { generateToken, hashToken } from "../tokens";
import { issueAccessToken } from "./access-token";
import type { AccessClaims } from "./claims";
import { accessTtlFor, jwtSettings } from "./config";

// Refresh tokens: opaque 256-bit values, stored only as SHA-256, grouped in families. A family's
// absolute lifetime is set at sign-in and never extended, and a family left unused for the idle
// timeout dies too. Every use rotates: the token is marked used and exactly one successor is
// created (parentId is unique, so the database itself refuses a second one). Presenting a used
// token again means it was copied: the whole family is revoked (OAuth 2.0 Security BCP, RFC 9700
// §4.14.2). Two requests racing with the same token (two tabs, a double click) are told to retry
// with the newest one instead of being treated as theft, as long as the second arrives within a
// short grace window and the successor is still unused.
//
// Every change is one transaction: claiming the token, creating its successor, signing the new
// access token and logging it land together or not at all (a failure in between can't sign the
// person out or look like reuse), and a sign-out that commits first leaves nothing to claim.

export type RevokeReason =
  | "logout"
  | "reuse_detected"
  | "revoked_by_user"
  | "password_changed"
  | "signed_out_everywhere"
  | "provider_unlinked"
  | "passkey_removed"
  /** Made under an older credential epoch (a sign-in that raced the kill switch). */
  | "epoch_changed"
  /** Replaced by a new family for the same browser (a re-proof, a password change kept it). */
  | "replaced";

export type RotationResult =
  | {
      ok: true;
      refreshToken: string;
      accessToken: string;
      claims: AccessClaims;
      familyId: string;
      familyExpiresAt: Date;
      /** This family's access-token lifetime (shorter when the lab set one). */
      accessTtlSeconds: number;
      user: { id: string; epoch: number };
    }
  | {
      ok: false;
      reason: "unknown" | "expired" | "idle" | "revoked" | "reuse_detected" | "superseded";
    };

/** A family is usable while it is not revoked, before its absolute end, and not idle for too long. */
function liveFamily(now: Date) {
  const idleSince = new Date(now.getTime() - jwtSettings().refreshIdleSeconds * 1000);
  return { revokedAt: null, expiresAt: { gt: now }, lastUsedAt: { gt: idleSince } };
}

/** Seconds an access token issued now may live: its lifetime, never past its family's end. */
export function accessLifetime(ttlSeconds: number, familyExpiresAt: Date): number {
  const untilFamilyEnds = Math.floor((familyExpiresAt.getTime() - Date.now()) / 1000);
  return Math.max(1, Math.min(ttlSeconds, untilFamilyEnds));
}

/** What startFamily writes, as statements: for a caller that writes more with it (issueTokenPair). */
export function familyStatements(
  userId: string,
  provenance: Provenance,
  context: RequestContext,
  exchangedFrom: "session" | "oauth" | null = null,
  notAfter?: Date,
): { refreshToken: string; familyId: string; expiresAt: Date; statements: Statement[] } {
  const refreshToken = generateToken();
  const familyId = randomUUID();
  const now = sqlDate(new Date());
  const expiresAt = new Date(
    Math.min(Date.now() + jwtSettings().refreshTtlSeconds * 1000, notAfter?.getTime() ?? Infinity),
  );
  const statements: Statement[] = [
    {
      sql: `INSERT INTO "RefreshFamily" ("id", "userId", "createdAt", "expiresAt", "lastUsedAt",
          "epoch", "authTime", "authMethod", "exchangedFrom", "userAgent", "ip")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        familyId,
        userId,
        now,
        sqlDate(expiresAt),
        now,
        provenance.epoch,
        sqlDate(provenance.authTime),
        provenance.method,
        exchangedFrom,
        context.userAgent,
        context.ip,
      ],
    },
    {
      sql: `INSERT INTO "RefreshToken" ("id", "tokenHash", "familyId", "createdAt") VALUES (?, ?, ?, ?)`,
      args: [randomUUID(), hashToken(refreshToken), familyId, now],
    },
  ];
  return { refreshToken, familyId, expiresAt, statements };
}

/**
 * A new family for `userId`, carrying the proof it comes from (for an exchange: the proof of the
 * credential it was exchanged for, never a newer one) and that proof's epoch: the family and its
 * first refresh token, written together.
 */
export async function startFamily(
  userId: string,
  provenance: Provenance,
  context: RequestContext,
  exchangedFrom: "session" | "oauth" | null = null,
  notAfter?: Date,
): Promise<{ refreshToken: string; familyId: string; expiresAt: Date }> {
  const { statements, ...family } = familyStatements(
    userId,
    provenance,
    context,
    exchangedFrom,
    notAfter,
  );
  await writeTogether(statements);
  return family;
}

export async function rotateRefreshToken(
  presented: string,
  context: RequestContext,
): Promise<RotationResult> {
  const tokenHash = hashToken(presented);
  const rotated = await transaction(async (tx) => {
    const now = new Date();
    // Claim first (a write, so the transaction holds the write lock from its first statement):
    // only one request can flip usedAt from null, and only while the family is live.
    const claimed = await tx.refreshToken.updateMany({
      where: { tokenHash, usedAt: null, family: liveFamily(now) },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const row = await tx.refreshToken.findUniqueOrThrow({
      where: { tokenHash },
      select: {
        id: true,
        family: {
          select: {
            id: true,
            userId: true,
            expiresAt: true,
            accessTtlSeconds: true,
            epoch: true,
            authTime: true,
            user: { select: { epoch: true } },
          },
        },
      },
    });
    const { family } = row;
    // Made under an older epoch: a sign-in that raced the kill switch. It dies here, and says so.
    if (family.epoch !== family.user.epoch) {
      await revokeFamily(family.id, family.userId, "epoch_changed", context, tx);
      return { ok: false as const, reason: "revoked" as const };
    }
    const refreshToken = generateToken();
    await tx.refreshToken.create({
      data: { tokenHash: hashToken(refreshToken), familyId: family.id, parentId: row.id },
    });
    await tx.refreshFamily.update({ where: { id: family.id }, data: { lastUsedAt: now } });
    const accessTtlSeconds = accessTtlFor(family.accessTtlSeconds);
    const user = { id: family.userId, epoch: family.epoch };
    const { token, claims } = await issueAccessToken(
      { userId: user.id, familyId: family.id, epoch: family.epoch, authTime: family.authTime },
      accessLifetime(accessTtlSeconds, family.expiresAt),
      undefined,
      { db: tx },
    );
    await recordEvent(
      {
        type: "token.refreshed",
        strategy: "jwt",
        userId: family.userId,
        context,
        detail: { family: family.id.slice(0, 8) },
      },
      tx,
    );
    return {
      ok: true as const,
      refreshToken,
      accessToken: token,
      claims,
      familyId: family.id,
      familyExpiresAt: family.expiresAt,
      accessTtlSeconds,
      user,
    };
  });
  return rotated ?? refusal(tokenHash, context);
}

/** Why a token could not be claimed; a used token outside the race window revokes its family. */
async function refusal(
  tokenHash: string,
  context: RequestContext,
): Promise<Extract<RotationResult, { ok: false }>> {
  const row = await getDb().refreshToken.findUnique({
    where: { tokenHash },
    select: {
      usedAt: true,
      child: { select: { usedAt: true } },
      family: {
        select: { id: true, userId: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
      },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  const { family } = row;
  const now = Date.now();
  if (family.revokedAt) return { ok: false, reason: "revoked" };
  if (family.expiresAt.getTime() <= now) return { ok: false, reason: "expired" };
  if (family.lastUsedAt.getTime() <= now - jwtSettings().refreshIdleSeconds * 1000)
    return { ok: false, reason: "idle" };
  // Already used. A race loses quietly; anything else is a copied token.
  const graceMs = jwtSettings().reuseGraceSeconds * 1000;
  if (row.usedAt && now - row.usedAt.getTime() <= graceMs && !row.child?.usedAt)
    return { ok: false, reason: "superseded" };
  await revokeFamily(family.id, family.userId, "reuse_detected", context);
  return { ok: false, reason: "reuse_detected" };
}

/** Revokes one family of this person, and logs it, in one transaction. */
export async function revokeFamily(
  familyId: string,
  userId: string,
  reason: RevokeReason,
  context?: RequestContext,
  db?: Tx,
): Promise<boolean> {
  const work = async (tx: Tx) => {
    const { count } = await tx.refreshFamily.updateMany({
      where: { id: familyId, userId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    if (count > 0) {
      const type = reason === "reuse_detected" ? "refresh.reuse_detected" : "family.revoked";
      await recordEvent(
        {
          type,
          strategy: "jwt",
          userId,
          context,
          detail: { family: familyId.slice(0, 8), reason },
        },
        tx,
      );
    }
    return count > 0;
  };
  return db ? work(db) : transaction(work);
}

/**
 * Every live family of this person, and a log line, as part of `tx`. The checked verifier refuses
 * their access tokens from the commit on.
 */
export async function revokeAllFamilies(
  tx: Tx,
  userId: string,
  reason: RevokeReason,
  context?: RequestContext,
): Promise<number> {
  const { count } = await tx.refreshFamily.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  if (count > 0)
    await recordEvent(
      { type: "family.revoked", strategy: "jwt", userId, context, detail: { reason, count } },
      tx,
    );
  return count;
}

/** Sign-out for API clients that present their refresh token instead of an access token. */
export async function revokeFamilyOfRefreshToken(
  presented: string,
  context: RequestContext,
): Promise<string | null> {
  const row = await getDb().refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    select: { family: { select: { id: true, userId: true } } },
  });
  if (!row) return null;
  await revokeFamily(row.family.id, row.family.userId, "logout", context);
  return row.family.userId;
}
