import "server-only";
import { getDb } from "@/lib/db";

// What a long-running server checks once at start (instrumentation-node.ts): a database missing
// migrations makes every request a 503 naming the command to run, instead of a 500 at the first
// sign-in. (The environment, signing keys included, is lib/env-rules.ts's.)

/** Every migration in prisma/migrations, listed at build time by next.config.mjs. */
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

/** The sentence a server answers with while its database lacks migrations, or null. */
export async function migrationProblem(): Promise<string | null> {
  const missing = await missingMigrations();
  return missing.length > 0
    ? `The database has not applied ${missing.length} migration(s) (${missing.join(", ")}): run \`npm run db:migrate\` against DATABASE_URL first.`
    : null;
}
