import "server-only";
import { driverClient, transaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isLocalFile } from "@/lib/sqlite";

// Several writes that land together or not at all, in as few round trips as the database allows.
// On a network database (Turso) each statement Prisma sends is a round trip, and its transaction
// adds one more to commit (and holds the adapter's lock meanwhile): a sign-in's three writes
// would cost four. Here they go as one libSQL batch, one HTTP request that runs BEGIN IMMEDIATE,
// the statements and COMMIT on the server, and rolls everything back if one fails. A local file
// has no round trips to save: the statements run in one Prisma transaction, which also keeps them
// behind the adapter's lock with everything else on that one connection.

export type SqlValue = string | number | bigint | null;
/** One SQL statement and its positional (`?`) arguments; dates as sqlDate() writes them. */
export type Statement = { sql: string; args: SqlValue[] };

/** Runs every statement in order, all or none; the rows each one changed. */
export async function writeTogether(statements: readonly Statement[]): Promise<number[]> {
  if (statements.length === 0) return [];
  if (isLocalFile(getEnv().DATABASE_URL))
    return transaction(async (tx) => {
      const changed: number[] = [];
      for (const { sql, args } of statements)
        changed.push(await tx.$executeRawUnsafe(sql, ...args));
      return changed;
    });
  const results = await (await driverClient()).batch([...statements], "write");
  return results.map((result) => result.rowsAffected);
}

/**
 * A date as Prisma's libSQL adapter stores a DateTime (ISO 8601, "+00:00"), so Prisma reads it
 * back and text comparisons order it with the rows Prisma wrote.
 */
export const sqlDate = (date: Date): string => date.toISOString().replace("Z", "+00:00");
