import "server-only";
import { getDb, type PrismaClient } from "@/lib/db";

/** True when the database answers a trivial query. */
export async function databaseReachable(db: PrismaClient = getDb()): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
