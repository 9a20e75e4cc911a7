import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type {
  Client,
  Config,
  InStatement,
  ResultSet,
  Transaction,
  TransactionMode,
} from "@libsql/client";

// The libSQL driver adapter, tuned for several processes on one SQLite file. A plain module (no
// server-only): the app (lib/db.ts) and the migrations (prisma.config.ts) both use it, so every
// connection gets the same settings.
//
// Out of the box @libsql/client opens a file with journal_mode=delete and busy_timeout=0: a second
// process writing at the same moment gets SQLITE_BUSY at once (measured: two `next start` on one
// file answered hundreds of requests with 500). With WAL, readers never wait for the writer, and
// with a busy timeout a writer waits its turn instead of failing.
//
// Transactions: the client would hand its connection to the transaction and open a new one for
// everything after it (without these settings). Prisma's adapter already runs one statement at a
// time per process and holds that lock for a whole transaction, so the transaction can simply run
// on the same connection, as BEGIN IMMEDIATE: it takes the write lock up front (waiting its turn)
// and never fails halfway through when another process committed in between.

export const BUSY_TIMEOUT_MS = 5000;

const SETTINGS = [
  "PRAGMA journal_mode = WAL",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
  // Safe with WAL (a power cut may lose the last commits, never corrupt the file).
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
];

/** A file this process opens itself; anything else (libsql://, https://) is a network database. */
export const isLocalFile = (url: string) => url.startsWith("file:");

/** A client whose one connection has the settings above, and whose transactions share it. */
class LocalSqliteClient implements Client {
  #ready: Promise<void> | undefined;

  constructor(private readonly inner: Client) {}

  get closed() {
    return this.inner.closed;
  }
  get protocol() {
    return this.inner.protocol;
  }

  #configure(): Promise<void> {
    this.#ready ??= (async () => {
      for (const pragma of SETTINGS) await this.inner.execute(pragma);
    })();
    return this.#ready;
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    await this.#configure();
    return this.inner.execute(stmt);
  }

  async batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]> {
    await this.#configure();
    return this.inner.batch(stmts, mode);
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.#configure();
    return this.inner.executeMultiple(sql);
  }

  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    await this.#configure();
    await this.inner.execute(mode === "read" ? "BEGIN" : "BEGIN IMMEDIATE");
    return new SameConnectionTransaction(this.inner);
  }

  async sync() {
    return this.inner.sync();
  }

  close(): void {
    this.inner.close();
  }
}

class SameConnectionTransaction implements Transaction {
  #open = true;

  constructor(private readonly inner: Client) {}

  get closed() {
    return !this.#open;
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return this.inner.execute(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = [];
    for (const stmt of stmts) results.push(await this.inner.execute(stmt));
    return results;
  }

  executeMultiple(sql: string): Promise<void> {
    return this.inner.executeMultiple(sql);
  }

  async commit(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    await this.inner.execute("COMMIT");
  }

  async rollback(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    await this.inner.execute("ROLLBACK").catch(() => undefined);
  }

  close(): void {
    if (this.#open) void this.rollback();
  }
}

/** The Prisma adapter factory: tuned local files, Turso (libsql://) untouched. */
export class TunedLibSQL extends PrismaLibSQL {
  /**
   * The client Prisma connected through, once it has: on a network database, writeTogether
   * (lib/write-together.ts) sends its batches through the same one, so they share its connections
   * and its protocol probe instead of paying for their own.
   */
  client: Client | undefined;

  override createClient(config: Config): Client {
    const client = super.createClient(config);
    this.client = isLocalFile(config.url) ? new LocalSqliteClient(client) : client;
    return this.client;
  }
}

export function libsqlAdapter(url: string, authToken?: string): TunedLibSQL {
  return new TunedLibSQL({ url, authToken: authToken || undefined });
}
