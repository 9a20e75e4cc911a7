import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { generateToken, hashToken } from "../tokens";
import { accessTtlFor, jwtSettings } from "./config";

// Refresh tokens: opaque 256-bit values, stored only as SHA-256, grouped in families. A family's
// absolute lifetime is set at sign-in and never extended. Every use rotates: the token is marked
// used and exactly one successor is created (parentId is unique, so the database itself refuses
// a second one). Presenting a used token again means it was copied: the whole family is revoked
// (OAuth 2.0 Security BCP, RFC 9700 §4.14.2). Two requests racing with the same token (two tabs,
// a double click) are told to retry with the newest one instead of being treated as theft, as long
// as the second arrives within a short grace window and the successor is still unused.

export type RevokeReason =
  "logout" | "reuse_detected" | "revoked_by_user" | "password_changed" | "signed_out_everywhere";

export type RotationResult =
  | {
      ok: true;
      refreshToken: string;
      familyId: string;
      familyExpiresAt: Date;
      /** This family's access-token lifetime (shorter when the lab set one). */
      accessTtlSeconds: number;
      user: { id: string; tokenVersion: number };
    }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "reuse_detected" | "superseded" };

export async function startFamily(
  userId: string,
  context: RequestContext,
): Promise<{ refreshToken: string; familyId: string; expiresAt: Date }> {
  const refreshToken = generateToken();
  const expiresAt = new Date(Date.now() + jwtSettings().refreshTtlSeconds * 1000);
  const family = await getDb().refreshFamily.create({
    data: {
      userId,
      expiresAt,
      userAgent: context.userAgent,
      ip: context.ip,
      tokens: { create: { tokenHash: hashToken(refreshToken) } },
    },
    select: { id: true },
  });
  return { refreshToken, familyId: family.id, expiresAt };
}

export async function rotateRefreshToken(
  presented: string,
  context: RequestContext,
): Promise<RotationResult> {
  const db = getDb();
  const row = await db.refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    select: {
      id: true,
      usedAt: true,
      family: {
        select: {
          id: true,
          userId: true,
          expiresAt: true,
          revokedAt: true,
          accessTtlSeconds: true,
          user: { select: { tokenVersion: true } },
        },
      },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  const { family } = row;
  if (family.revokedAt) return { ok: false, reason: "revoked" };
  if (family.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };

  // Claim the token: only one request can flip usedAt from null.
  const claimed = await db.refreshToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (claimed.count === 1) {
    const refreshToken = generateToken();
    await db.refreshToken.create({
      data: { tokenHash: hashToken(refreshToken), familyId: family.id, parentId: row.id },
    });
    await recordEvent({
      type: "token.refreshed",
      strategy: "jwt",
      userId: family.userId,
      context,
      detail: { family: family.id.slice(0, 8) },
    });
    return {
      ok: true,
      refreshToken,
      familyId: family.id,
      familyExpiresAt: family.expiresAt,
      accessTtlSeconds: accessTtlFor(family.accessTtlSeconds),
      user: { id: family.userId, tokenVersion: family.user.tokenVersion },
    };
  }

  // Already used. A race loses quietly; anything else is a copied token.
  const used = await db.refreshToken.findUnique({
    where: { id: row.id },
    select: { usedAt: true, child: { select: { usedAt: true } } },
  });
  const graceMs = jwtSettings().reuseGraceSeconds * 1000;
  const usedAt = used?.usedAt ?? row.usedAt;
  if (usedAt && Date.now() - usedAt.getTime() <= graceMs && !used?.child?.usedAt) {
    return { ok: false, reason: "superseded" };
  }
  await revokeFamily(family.id, family.userId, "reuse_detected", context);
  return { ok: false, reason: "reuse_detected" };
}

export async function revokeFamily(
  familyId: string,
  userId: string,
  reason: RevokeReason,
  context?: RequestContext,
): Promise<boolean> {
  const { count } = await getDb().refreshFamily.updateMany({
    where: { id: familyId, userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  if (count > 0) {
    const type = reason === "reuse_detected" ? "refresh.reuse_detected" : "family.revoked";
    await recordEvent({
      type,
      strategy: "jwt",
      userId,
      context,
      detail: { family: familyId.slice(0, 8), reason },
    });
  }
  return count > 0;
}

/** Every live family of this person; their access tokens die with the tokenVersion bump that goes with it. */
export async function revokeAllFamilies(
  userId: string,
  reason: RevokeReason,
  context?: RequestContext,
): Promise<number> {
  const { count } = await getDb().refreshFamily.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  if (count > 0)
    await recordEvent({
      type: "family.revoked",
      strategy: "jwt",
      userId,
      context,
      detail: { reason, count },
    });
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
