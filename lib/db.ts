import "server-only";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import type { Client } from "@libsql/client";
import { libsqlAdapter, type TunedLibSQL } from "@/lib/sqlite";

// One client per process. In development, hot reloads re-evaluate modules, so the instance
// is kept on globalThis instead of opening a new connection on every edit.
const globalForDb = globalThis as typeof globalThis & {
  authLabDb?: { prisma: PrismaClient; adapter: TunedLibSQL };
};

function createClient() {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = getEnv();
  const adapter = libsqlAdapter(DATABASE_URL, DATABASE_AUTH_TOKEN);
  return { prisma: new PrismaClient({ adapter }), adapter };
}

export function getDb(): PrismaClient {
  globalForDb.authLabDb ??= createClient();
  return globalForDb.authLabDb.prisma;
}

/**
 * The libSQL client under Prisma (connecting it if it isn't yet), for what Prisma can't send in
 * one round trip: a batch (lib/write-together.ts). Outside Prisma's lock, so only for a network
 * database, where every call is a stream of its own; a local file's one connection is Prisma's.
 */
export async function driverClient(): Promise<Client> {
  const db = getDb();
  await db.$connect();
  const client = globalForDb.authLabDb?.adapter.client;
  if (!client) throw new Error("Prisma connected without creating its libSQL client");
  return client;
}

export type { PrismaClient };

/** A client inside `getDb().$transaction(async (tx) => …)`: pass it to make a write part of it. */
export type Tx = Prisma.TransactionClient;

/** Runs `work` as one transaction: every write in it lands, or none does. */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(work, { maxWait: 10_000, timeout: 15_000 });
}
