import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { issueAccessToken, verifyAccessToken } from "./auth/jwt/access-token";

// What a server checks once, before it serves anything: a problem found here stops it with a
// sentence naming the variable or the command to run, instead of a 500 at the first sign-in.

/** Every migration in prisma/migrations, listed at build time by next.config.ts. */
export function expectedMigrations(): string[] {
  return (process.env.AUTH_LAB_MIGRATIONS ?? "").split(",").filter(Boolean);
}

/** The expected migrations the database hasn't applied (all of them when it has none). */
export async function missingMigrations(expected = expectedMigrations()): Promise<string[]> {
  let applied: string[] = [];
  try {
    const rows = await getDb().$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL',
    );
    applied = rows.map((row) => row.migration_name);
  } catch {
    applied = []; // no migrations table: nothing was ever applied
  }
  return expected.filter((name) => !applied.includes(name));
}

/** Imports every signing key and signs and verifies one token with the newest. */
export async function checkSigningKeys(): Promise<string | null> {
  try {
    const { token } = await issueAccessToken(
      { userId: "startup", familyId: "startup", epoch: 0, authTime: new Date() },
      60,
      undefined,
      { configuredKey: true },
    );
    const verified = await verifyAccessToken(token);
    return verified.ok
      ? null
      : `JWT_PRIVATE_KEYS is invalid: a test token was refused (${verified.reason}).`;
  } catch {
    return "JWT_PRIVATE_KEYS is invalid: a key could not be imported or could not sign (is d the private key of x and y?).";
  }
}

export async function startupProblems(): Promise<string[]> {
  const problems: string[] = [];
  getEnv(); // throws with its own list
  const keys = await checkSigningKeys();
  if (keys) problems.push(keys);
  // Redis is not waited for: the first call that needs it connects (within a second), and while it
  // is down those calls answer 503 and the client reconnects by itself (lib/store/redis.ts).
  const missing = await missingMigrations();
  if (missing.length > 0)
    problems.push(
      `The database has not applied ${missing.length} migration(s) (${missing.join(", ")}): run \`npm run db:migrate\` against DATABASE_URL first.`,
    );
  return problems;
}
