import "server-only";
import Database from "libsql";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { BUSY_TIMEOUT_MS } from "@/lib/sqlite";

// The guards' per-request reads (one row each: the session with its person, the JWT's revocation
// check, the Auth.js session with its person) on a read-only connection of their own, with each
// statement prepared once. Through Prisma the same row costs ~150-800 µs of CPU (query building,
// the query compiler, the libSQL adapter's per-process mutex, a fresh prepare in @libsql/client,
// result mapping); here ~10 µs (npm run bench:http, scripts/bench-db-paths.ts).
//
// Nothing is cached: every call reads the file as it is now, so a deleted session, a revoked
// family or a denylisted token is refused on the very next request, on every instance. WAL lets
// this connection read while another one (Prisma's, or another process's) writes; a write that is
// committed is visible to the next read. Only for a local file: a libsql:// (Turso) database, or
// anything else, returns null and the caller asks Prisma as before.

type Statement = { get(...args: unknown[]): Record<string, unknown> | undefined };
type Connection = { prepare(sql: string): Statement; close(): void };
type Reader = { connection: Connection; statements: Map<string, Statement> };

// One per database file, per process (kept on globalThis so a dev server's reloads reuse it).
const globalForReads = globalThis as typeof globalThis & { authLabReaders?: Map<string, Reader> };

/** The file a `file:` URL names, decoded as @libsql/client decodes it; null for anything else. */
function localPath(url: string): string | null {
  if (!url.startsWith("file:") || url.includes("?") || url.includes(":memory:")) return null;
  try {
    return url.startsWith("file://")
      ? fileURLToPath(url)
      : decodeURIComponent(url.slice("file:".length));
  } catch {
    return null;
  }
}

function open(path: string): Reader | null {
  // Opening would create a missing file (and every guard would then fail on an empty one): a
  // file that isn't there yet is Prisma's to report.
  if (!existsSync(path)) return null;
  const connection = new Database(path) as unknown as Connection;
  // The file is already in WAL mode (lib/sqlite.ts); saying so again is harmless and makes sure.
  connection.prepare("PRAGMA journal_mode = WAL").get();
  connection.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`).get();
  // This connection never writes, whatever asks it to.
  connection.prepare("PRAGMA query_only = ON").get();
  return { connection, statements: new Map() };
}

/**
 * One row of `sql` with `args`, read now on the read-only connection; `undefined` when there is
 * none; `null` when the database is not a local file (ask Prisma instead).
 */
export function readRow<T extends Record<string, unknown>>(
  sql: string,
  ...args: unknown[]
): T | undefined | null {
  const path = localPath(getEnv().DATABASE_URL);
  if (!path) return null;
  const readers = (globalForReads.authLabReaders ??= new Map());
  let reader = readers.get(path);
  if (!reader) {
    const opened = open(path);
    if (!opened) return null;
    reader = opened;
    readers.set(path, reader);
  }
  try {
    let statement = reader.statements.get(sql);
    if (!statement) {
      statement = reader.connection.prepare(sql);
      reader.statements.set(sql, statement);
    }
    return statement.get(...args) as T | undefined;
  } catch (error) {
    // This driver leaves a statement that failed halfway (busy, I/O, a schema change) unreset,
    // and its next use would then run with the previous caller's parameters: someone else's row.
    // So a failure forgets the whole connection; the next read opens a fresh one.
    readers.delete(path);
    try {
      reader.connection.close();
    } catch {
      // Closing a broken connection may fail too; it is forgotten either way.
    }
    throw error;
  }
}

export type Row = Record<string, unknown>;

/** How a guard reads its row: the read-only connection (a local file), or the ORM (anything else). */
export type ReadPath = "direct" | "orm";
let forcedPath: ReadPath | null = null;

/**
 * For tests: every guard read takes `path` (null: as the database URL says). The ORM path is what
 * a Turso deployment runs, and a local file never would.
 */
export function readGuardsThrough(path: ReadPath | null): void {
  forcedPath = path;
}

/**
 * The one read a guard makes (and a password sign-in's read of the person, lib/auth/sign-in.ts):
 * one row of `sql` with `args`, read now, on the read-only connection
 * for a local file, or through Prisma's raw query on anything else (Turso): the same SQL and the
 * same `map` either way. The row's `key` column must hold `value` (see WrongRowError).
 * Undefined when there is no row.
 */
export async function readOne<T>(
  sql: string,
  args: unknown[],
  key: { column: string; value: unknown },
  map: (row: Row) => T,
): Promise<T | undefined> {
  // Synchronous on purpose: the guard's timed step is this read and nothing else (no turn of the
  // event loop in it, so Server-Timing's "db" is the read's own time).
  const direct = forcedPath === "orm" ? null : readRow<Row>(sql, ...args);
  const row = direct === null ? (await getDb().$queryRawUnsafe<Row[]>(sql, ...args))[0] : direct;
  if (row === undefined) return undefined;
  if (row[key.column] !== key.value) throw new WrongRowError();
  return map(row);
}

/**
 * A row that isn't the one asked for: never expected (see readRow's catch), checked by each
 * caller all the same, since the price of a mistake here is answering as someone else.
 */
export class WrongRowError extends Error {
  constructor() {
    super("the guard's read returned a row it did not ask for");
  }
}

/**
 * Dates as Prisma's libSQL adapter stores them (ISO 8601 text), or epoch milliseconds. Anything
 * else throws: an Invalid Date compares false with everything, so an expiry check would pass.
 */
export function toDate(value: unknown): Date {
  const date = new Date(
    typeof value === "bigint" ? Number(value) : (value as string | number | Date),
  );
  if (Number.isNaN(date.getTime())) throw new Error("a stored date could not be read");
  return date;
}
