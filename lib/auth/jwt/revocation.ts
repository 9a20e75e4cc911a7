import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { readRow, WrongRowError } from "@/lib/sqlite-reads";
import type { AccessClaims } from "./access-token";
import { jwtSettings } from "./config";
import { deny, denylistInDatabase, isDeniedInRedis } from "@/lib/store/denylist";

// The checked verifier's extra step: one indexed lookup that answers "is this token still good?"
// (person exists, tokenVersion current, jti not denylisted, refresh family not revoked). With the
// denylist in Redis, one Redis lookup runs alongside it.

export type LiveUser = { id: string; email: string; name: string | null };
export type RevocationCheck = { ok: true; user: LiveUser } | { ok: false; reason: "revoked" };

type Row = {
  id: string;
  email: string;
  name: string | null;
  tokenVersion: number | bigint;
  denied: number | bigint;
  familyRevoked: number | bigint | null;
};

const CHECK_SQL = `
  SELECT u."id", u."email", u."name", u."tokenVersion",
    EXISTS (SELECT 1 FROM "RevokedAccessToken" r WHERE r."jti" = ?) AS "denied",
    (SELECT f."revokedAt" IS NOT NULL FROM "RefreshFamily" f WHERE f."id" = ?) AS "familyRevoked"
  FROM "User" u WHERE u."id" = ?`;
const CHECK_SQL_REDIS_DENYLIST = `
  SELECT u."id", u."email", u."name", u."tokenVersion", 0 AS "denied",
    (SELECT f."revokedAt" IS NOT NULL FROM "RefreshFamily" f WHERE f."id" = ?) AS "familyRevoked"
  FROM "User" u WHERE u."id" = ?`;

/** The checked verifier's row, read now: on the read-only connection for a local file, else Prisma. */
async function revocationRow(claims: AccessClaims, inDatabase: boolean): Promise<Row | undefined> {
  const direct = inDatabase
    ? await readRow<Row>(CHECK_SQL, claims.jti, claims.fam, claims.sub)
    : await readRow<Row>(CHECK_SQL_REDIS_DENYLIST, claims.fam, claims.sub);
  if (direct && direct.id !== claims.sub) throw new WrongRowError();
  if (direct !== null) return direct;
  const rows = await (inDatabase
    ? getDb().$queryRaw<Row[]>`
          SELECT u."id", u."email", u."name", u."tokenVersion",
            EXISTS (SELECT 1 FROM "RevokedAccessToken" r WHERE r."jti" = ${claims.jti}) AS "denied",
            (SELECT f."revokedAt" IS NOT NULL FROM "RefreshFamily" f WHERE f."id" = ${claims.fam}) AS "familyRevoked"
          FROM "User" u WHERE u."id" = ${claims.sub}`
    : getDb().$queryRaw<Row[]>`
          SELECT u."id", u."email", u."name", u."tokenVersion", 0 AS "denied",
            (SELECT f."revokedAt" IS NOT NULL FROM "RefreshFamily" f WHERE f."id" = ${claims.fam}) AS "familyRevoked"
          FROM "User" u WHERE u."id" = ${claims.sub}`);
  return rows[0];
}

export async function checkNotRevoked(claims: AccessClaims): Promise<RevocationCheck> {
  const inDatabase = denylistInDatabase();
  const [row, deniedInRedis] = await Promise.all([
    revocationRow(claims, inDatabase),
    // With the denylist in Redis, its lookup runs alongside the query (and fails closed).
    inDatabase ? false : isDeniedInRedis(claims.jti),
  ]);
  if (
    !row ||
    deniedInRedis ||
    Number(row.tokenVersion) !== claims.ver ||
    Number(row.denied) !== 0 ||
    Number(row.familyRevoked ?? 1) !== 0
  ) {
    return { ok: false, reason: "revoked" };
  }
  return { ok: true, user: { id: row.id, email: row.email, name: row.name } };
}

/** Keeps a signed-out token refused until it would have expired anyway (then it is purged). */
export async function denyAccessToken(
  claims: Pick<AccessClaims, "jti" | "exp">,
  db: Pick<Tx, "revokedAccessToken"> = getDb(),
): Promise<void> {
  // A token past its exp (and the verifiers' clock tolerance) is refused anyway: nothing to keep.
  const until = (claims.exp + jwtSettings().clockToleranceSeconds) * 1000;
  if (until <= Date.now()) return;
  await deny(claims.jti, new Date(until), db);
}
