import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { isRedisConfigured, withRedis } from "./redis";

// The JWT denylist: access tokens signed out before their exp, kept only until that exp. In Redis
// when it is configured (a key that expires by itself), in the database otherwise (purged rows).

const key = (jti: string) => `auth-lab:denied:${jti}`;

export function denylistInDatabase(): boolean {
  return !isRedisConfigured();
}

export async function deny(
  jti: string,
  expiresAt: Date,
  tx: Pick<Tx, "revokedAccessToken"> = getDb(),
) {
  if (denylistInDatabase()) {
    await tx.revokedAccessToken.upsert({
      where: { jti },
      create: { jti, expiresAt },
      update: {},
    });
    return;
  }
  await withRedis((redis) => redis.set(key(jti), "1", "PXAT", expiresAt.getTime()));
}

/** Only for the Redis denylist: the database one is part of the checked verifier's single query. */
export async function isDeniedInRedis(jti: string): Promise<boolean> {
  return (await withRedis((redis) => redis.exists(key(jti)))) === 1;
}
