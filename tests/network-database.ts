import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { getEnv } from "@/lib/env";
import { type LibsqlDouble, startLibsqlDouble } from "@/scripts/libsql-double.mjs";

// A network database for a test file: the libSQL double (scripts/libsql-double.mjs) on a fresh
// SQLite file, migrated by the real `prisma migrate deploy` over HTTP, as a Turso deployment is.

/** Every migration in prisma/migrations, by name. */
export function allMigrations(): string[] {
  return readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** Applies every migration to `url` with the CLI, as `npm run db:migrate` does. */
export async function migrate(url: string): Promise<string> {
  // Asynchronous on purpose: the double answers from this very process.
  const { stdout } = await promisify(execFile)("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_AUTH_TOKEN: "" },
  });
  return stdout;
}

/**
 * Starts the double on a fresh file, migrates it, and makes it this test file's DATABASE_URL.
 * Call before anything reads the environment (each test file is a process of its own).
 */
export async function useNetworkDatabase(
  options: { delayMs?: number } = {},
): Promise<{ double: LibsqlDouble; migrateOutput: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-libsql-"));
  const double = await startLibsqlDouble({ file: path.join(dir, "network.db"), ...options });
  const migrateOutput = await migrate(double.url);
  process.env.DATABASE_URL = double.url;
  if (getEnv().DATABASE_URL !== double.url)
    throw new Error("the environment was read before useNetworkDatabase(): call it first");
  return {
    double,
    migrateOutput,
    stop: async () => {
      await double.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type NetworkDatabase = Awaited<ReturnType<typeof useNetworkDatabase>>;

/** This test file's network database: started before its tests, stopped after them. */
export function networkDatabaseForThisFile(options: { delayMs?: number } = {}): {
  current: () => NetworkDatabase;
} {
  let network: NetworkDatabase | undefined;
  beforeAll(async () => {
    network = await useNetworkDatabase(options);
  }, 120_000);
  afterAll(() => network?.stop());
  return {
    current: () => {
      if (!network) throw new Error("the network database is not up yet");
      return network;
    },
  };
}
