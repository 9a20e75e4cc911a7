import "server-only";
import type { User } from "@/lib/auth/user";
import { getDb, type Tx } from "@/lib/db";
import { readOne, type Row } from "@/lib/sqlite-reads";
import { type Provenance, proofMethodOf } from "../proof";
import type { AccessClaims } from "./claims";
import { jwtSettings } from "./config";
import { deny, denylistInDatabase, isDeniedInRedis } from "@/lib/store/denylist";

// The checked verifier's extra step: one indexed lookup that answers "is this token still good?"
// (person exists, the token's epoch is the person's, jti not denylisted, refresh family live and
// of that epoch). With the denylist in Redis, one Redis lookup runs alongside it.

/** The proof the token's family came from (the token carries its epoch and auth_time). */
export type LiveUser = User & { provenance: Provenance };
export type RevocationCheck = { ok: true; user: LiveUser } | { ok: false; reason: "revoked" };

// One SQL for both denylists: with the denylist in Redis, the jti never matches here (its table
// stays empty) and Redis answers alongside.
const CHECK_SQL = `
  SELECT u."id", u."email", u."name", u."epoch",
    EXISTS (SELECT 1 FROM "RevokedAccessToken" r WHERE r."jti" = ?) AS "denied",
    (SELECT f."revokedAt" IS NOT NULL OR f."epoch" != u."epoch"
       FROM "RefreshFamily" f WHERE f."id" = ? AND f."userId" = u."id") AS "familyEnded",
    (SELECT f."authMethod" FROM "RefreshFamily" f WHERE f."id" = ?) AS "authMethod"
  FROM "User" u WHERE u."id" = ?`;

const live = (claims: AccessClaims) => (row: Row) =>
  Number(row.epoch) === claims.ver &&
  Number(row.denied) === 0 &&
  // No family row at all (null) is as dead as an ended one.
  Number(row.familyEnded ?? 1) === 0
    ? {
        id: row.id as string,
        email: row.email as string,
        name: (row.name as string | null) ?? null,
        provenance: {
          epoch: claims.ver,
          authTime: new Date(claims.auth_time * 1000),
          method: proofMethodOf(row.authMethod),
        },
      }
    : null;

export async function checkNotRevoked(claims: AccessClaims): Promise<RevocationCheck> {
  const [user, deniedInRedis] = await Promise.all([
    readOne(
      CHECK_SQL,
      [claims.jti, claims.fam, claims.fam, claims.sub],
      { column: "id", value: claims.sub },
      live(claims),
    ),
    // With the denylist in Redis, its lookup runs alongside the query (and fails closed).
    denylistInDatabase() ? false : isDeniedInRedis(claims.jti),
  ]);
  if (!user || deniedInRedis) return { ok: false, reason: "revoked" };
  return { ok: true, user };
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
