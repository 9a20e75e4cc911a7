import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One client per process. In development, hot reloads re-evaluate modules, so the instance
// is kept on globalThis instead of opening a new connection on every edit.
const globalForDb = globalThis as typeof globalThis & { authLabDb?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = getEnv();
  const adapter = new PrismaLibSQL({
    url: DATABASE_URL,
    authToken: DATABASE_AUTH_TOKEN || undefined,
  });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForDb.authLabDb ??= createClient();
  return globalForDb.authLabDb;
}

export type { PrismaClient };
