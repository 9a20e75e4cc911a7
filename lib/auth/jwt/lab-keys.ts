import "server-only";
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
/** A family keeps at most this many published keys; the whole site at most MAX_ACTIVE. */
const PER_FAMILY = 3;
const MAX_ACTIVE = 200;

/** Imported public keys by kid: the key material never changes, only whether it is retired. */
const imported = new Map<string, Promise<CryptoKey>>();

/** The public half of every published lab key, for the JWKS. */
export async function publishedLabJwks(): Promise<JWK[]> {
  if (!labKeyRotationOn()) return [];
  const rows = await getDb().labSigningKey.findMany({
    where: { retiredAt: null },
    select: { publicJwk: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => JSON.parse(row.publicJwk) as JWK);
}

/** A published lab key, by kid; undefined for anything else (retired, unknown, not a lab kid). */
export async function labVerificationKey(kid: string): Promise<CryptoKey | undefined> {
  if (!labKeyRotationOn() || !LAB_KID.test(kid)) return undefined;
  const row = await getDb().labSigningKey.findUnique({
    where: { kid },
    select: { retiredAt: true, publicJwk: true },
  });
  if (!row || row.retiredAt) return undefined;
  let key = imported.get(kid);
  if (!key) {
    if (imported.size >= 2 * MAX_ACTIVE) imported.clear();
    key = importJWK(JSON.parse(row.publicJwk) as JWK, SIGNING_ALGORITHM) as Promise<CryptoKey>;
    imported.set(kid, key);
  }
  return key;
}

/** The key that signs this family's access tokens, when the lab rotated it; else undefined. */
export async function labSigningKey(
  familyId: string,
  /** Inside a transaction, its client: SQLite has one writer, so a query beside it would wait. */
  db: Tx = getDb(),
): Promise<{ kid: string; key: CryptoKey } | undefined> {
  if (!labKeyRotationOn()) return undefined;
  const row = await db.labSigningKey.findFirst({
    where: { familyId, retiredAt: null },
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

/** A new key signs this family's tokens from now on; its oldest keys beyond three are retired. */
export async function rotateLabKey(familyId: string): Promise<RotateResult> {
  if (!labKeyRotationOn()) return { ok: false, reason: "off" };
  const db = getDb();
  if ((await db.labSigningKey.count({ where: { retiredAt: null } })) >= MAX_ACTIVE)
    return { ok: false, reason: "full" };
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
    where: { familyId, retiredAt: null },
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
