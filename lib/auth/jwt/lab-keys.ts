import "server-only";
import { BoundedMap } from "@/lib/bounded-map";
import { randomBytes } from "node:crypto";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { getDb, type Tx } from "@/lib/db";
import { labKeyRotationOn } from "@/lib/env";
import { seal, unseal } from "../secret-box";
import { SIGNING_ALGORITHM } from "./config";

// The lab's key rotation, scoped to one refresh family: a visitor rotates the key that signs their
// own access tokens, and retires old ones, without touching anyone else's. Keys live in the
// database, so every instance (and every bundle of this one) signs, publishes and verifies alike:
// a lab kid is looked up by its primary key on each use, so a retirement takes effect at once.
// Configured keys never come here (lib/auth/jwt/keys.ts keeps them in memory).

export const LAB_KID_PREFIX = "lab-";
const LAB_KID = /^lab-[0-9a-f]{12}$/;
const PRIVATE_PURPOSE = "lab-signing-key";
/** A family keeps at most three published keys, a person six, the whole site MAX_ACTIVE. */
const PER_FAMILY = 3;
const PER_PERSON = 6;
const MAX_ACTIVE = 200;
/** A lab key retires itself after an hour: the family goes back to the configured key. */
const LIFETIME_MS = 60 * 60 * 1000;
/**
 * Publish before you sign: a new key is in the JWKS this long before it signs anything, so every
 * verifier's cached JWKS holds it before the first token it signed arrives. In production that is
 * at least one JWKS cache lifetime (60 s at the downstream service here); the lab's time is sped up.
 */
export const LAB_PUBLISH_LEAD_MS = 1200;

/** A key that still counts: not retired, not past its hour, its family alive. */
const live = (now = new Date()) => ({
  retiredAt: null,
  createdAt: { gt: new Date(now.getTime() - LIFETIME_MS) },
  family: { revokedAt: null, expiresAt: { gt: now } },
});

/** Imported public keys and their family, by kid: neither ever changes, only whether it is live. */
const imported = new BoundedMap<string, { key: Promise<CryptoKey>; familyId: string }>(
  2 * MAX_ACTIVE,
);

/** The public half of every live lab key, for the JWKS. */
export async function publishedLabJwks(): Promise<JWK[]> {
  if (!labKeyRotationOn()) return [];
  const rows = await getDb().labSigningKey.findMany({
    where: live(),
    select: { publicJwk: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => JSON.parse(row.publicJwk) as JWK);
}

/**
 * A live lab key, by kid, and the one family it may sign for; undefined for anything else
 * (retired, expired, unknown, not a lab kid).
 */
export async function labVerificationKey(
  kid: string,
): Promise<{ key: CryptoKey; familyId: string } | undefined> {
  if (!labKeyRotationOn() || !LAB_KID.test(kid)) return undefined;
  const row = await getDb().labSigningKey.findFirst({
    where: { kid, ...live() },
    select: { publicJwk: true, familyId: true },
  });
  if (!row) return undefined;
  let entry = imported.get(kid);
  if (!entry) {
    entry = {
      key: importJWK(JSON.parse(row.publicJwk) as JWK, SIGNING_ALGORITHM) as Promise<CryptoKey>,
      familyId: row.familyId,
    };
    imported.set(kid, entry);
  }
  return { key: await entry.key, familyId: entry.familyId };
}

/**
 * Defence in depth, after a token verified: a lab key signs for its own family only, so a token
 * it signed must name that family. (Configured keys sign for everyone.)
 */
export function labKeySignsFor(kid: string, familyId: string): boolean {
  const entry = imported.get(kid);
  return !kid.startsWith(LAB_KID_PREFIX) || entry?.familyId === familyId;
}

/**
 * The key that signs this family's access tokens, when the lab rotated it; else undefined. The
 * newest key published at least LAB_PUBLISH_LEAD_MS ago: a key just published only waits.
 */
export async function labSigningKey(
  familyId: string,
  /** Inside a transaction, its client: SQLite has one writer, so a query beside it would wait. */
  db: Tx = getDb(),
): Promise<{ kid: string; key: CryptoKey } | undefined> {
  if (!labKeyRotationOn()) return undefined;
  const now = new Date();
  const row = await db.labSigningKey.findFirst({
    where: {
      familyId,
      ...live(now),
      AND: [{ createdAt: { lte: new Date(now.getTime() - LAB_PUBLISH_LEAD_MS) } }],
    },
    orderBy: { createdAt: "desc" },
    select: { kid: true, privateJwk: true },
  });
  const jwk = row ? unseal(row.privateJwk, PRIVATE_PURPOSE) : null;
  if (!row || !jwk) return undefined;
  return {
    kid: row.kid,
    key: (await importJWK(JSON.parse(jwk) as JWK, SIGNING_ALGORITHM)) as CryptoKey,
  };
}

export type RotateResult = { ok: true; kid: string } | { ok: false; reason: "off" | "full" };

/**
 * A new key for this family, published in the JWKS now; it signs the family's tokens once it has
 * been published LAB_PUBLISH_LEAD_MS. Its oldest keys beyond three are retired.
 */
export async function rotateLabKey(familyId: string): Promise<RotateResult> {
  if (!labKeyRotationOn()) return { ok: false, reason: "off" };
  const db = getDb();
  const family = await db.refreshFamily.findUnique({
    where: { id: familyId },
    select: { userId: true },
  });
  if (!family) return { ok: false, reason: "full" };
  const [everyone, theirs] = await Promise.all([
    db.labSigningKey.count({ where: live() }),
    db.labSigningKey.count({
      where: { ...live(), family: { ...live().family, userId: family.userId } },
    }),
  ]);
  if (everyone >= MAX_ACTIVE || theirs >= PER_PERSON) return { ok: false, reason: "full" };
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = `${LAB_KID_PREFIX}${randomBytes(6).toString("hex")}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: "sig" };
  await db.labSigningKey.create({
    data: {
      kid,
      familyId,
      privateJwk: seal(JSON.stringify(await exportJWK(privateKey)), PRIVATE_PURPOSE),
      publicJwk: JSON.stringify(publicJwk),
    },
  });
  const active = await db.labSigningKey.findMany({
    where: { familyId, ...live() },
    orderBy: { createdAt: "desc" },
    select: { kid: true },
  });
  const surplus = active.slice(PER_FAMILY).map((row) => row.kid);
  if (surplus.length > 0)
    await db.labSigningKey.updateMany({
      where: { kid: { in: surplus } },
      data: { retiredAt: new Date() },
    });
  return { ok: true, kid };
}

/** Retires one of this family's keys: it leaves the JWKS, and tokens it signed are refused. */
export async function retireLabKey(familyId: string, kid: string): Promise<boolean> {
  const { count } = await getDb().labSigningKey.updateMany({
    where: { familyId, kid, retiredAt: null },
    data: { retiredAt: new Date() },
  });
  return count === 1;
}

/** Retires every key of this family: its tokens are signed with the configured key again. */
export async function retireAllLabKeys(familyId: string): Promise<void> {
  await getDb().labSigningKey.updateMany({
    where: { familyId, retiredAt: null },
    data: { retiredAt: new Date() },
  });
}

export async function labKeysOf(familyId: string) {
  return getDb().labSigningKey.findMany({
    where: { familyId },
    orderBy: { createdAt: "asc" },
    select: { kid: true, createdAt: true, retiredAt: true },
  });
}
