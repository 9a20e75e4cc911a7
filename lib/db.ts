import "server-only";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { libsqlAdapter } from "@/lib/sqlite";

// One client per process. In development, hot reloads re-evaluate modules, so the instance
// is kept on globalThis instead of opening a new connection on every edit.
const globalForDb = globalThis as typeof globalThis & { authLabDb?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = getEnv();
  return new PrismaClient({ adapter: libsqlAdapter(DATABASE_URL, DATABASE_AUTH_TOKEN) });
}

export function getDb(): PrismaClient {
  globalForDb.authLabDb ??= createClient();
  return globalForDb.authLabDb;
}

export type { PrismaClient };

/** A client inside `getDb().$transaction(async (tx) => …)`: pass it to make a write part of it. */
export type Tx = Prisma.TransactionClient;

/** Runs `work` as one transaction: every write in it lands, or none does. */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(work, { maxWait: 10_000, timeout: 15_000 });
}
