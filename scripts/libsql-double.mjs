// A test double of a libSQL server (sqld, what Turso runs) over one SQLite file: the Hrana v2
// protocol, JSON over HTTP (POST /v2/pipeline), which @libsql/client and Prisma's libSQL adapter
// speak for a `libsql://HOST:PORT?tls=0` URL. No package ships sqld, and nothing here may download
// it, so the path a Turso deployment takes (migrations, the ORM's reads and transactions) is tested
// against this. It counts HTTP round trips and can add a fixed delay to each, so a network
// database's cost is measurable on loopback.
//   node scripts/libsql-double.mjs FILE [--port 8080] [--delay 20]   (foreground, until SIGTERM)
//
// One SQLite connection per stream (a baton names it between requests), as sqld keeps one per
// stream: an interactive transaction holds its connection across round trips. Every connection
// has busy_timeout 0 and a busy statement is retried asynchronously instead: a connection waiting
// synchronously inside this process would block the very request that ends the transaction it is
// waiting for.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";

const Database = createRequire(import.meta.url)("libsql");

// sqld ends a stream nobody has used for a while; so does this, rolling back what it held.
const STREAM_IDLE_MS = 10_000;
const BUSY_RETRY_MS = 5;
const BUSY_DEADLINE_MS = 5_000;

class ProtocolError extends Error {}

/** A Hrana value from a SQLite value read with safe integers. */
function toValue(value) {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: String(value) };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  return { type: "blob", base64: Buffer.from(value).toString("base64") };
}

/** A SQLite value from a Hrana value. */
function fromValue(value) {
  switch (value?.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(value.value);
    case "float":
      return Number(value.value);
    case "text":
      return String(value.value);
    case "blob":
      return Buffer.from(value.base64, "base64");
    default:
      throw new ProtocolError(`unknown value type ${JSON.stringify(value?.type)}`);
  }
}

const isBusy = (error) => typeof error?.code === "string" && error.code.startsWith("SQLITE_BUSY");

const errorOf = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  ...(typeof error?.code === "string" ? { code: error.code } : {}),
});

class Stream {
  sqls = new Map();
  lastUsed = Date.now();

  constructor(file) {
    this.db = new Database(file);
    this.db.prepare("PRAGMA busy_timeout = 0").get([]);
  }

  sqlOf(stmt) {
    if (typeof stmt.sql === "string") return stmt.sql;
    const sql = this.sqls.get(stmt.sql_id);
    if (sql === undefined) throw new ProtocolError(`no SQL text stored as ${stmt.sql_id}`);
    return sql;
  }

  /** One statement, as sqld answers it (StmtResult). */
  async execute(stmt) {
    const sql = this.sqlOf(stmt);
    const named = Object.fromEntries(
      (stmt.named_args ?? []).map(({ name, value }) => [
        name.replace(/^[:@$]/, ""),
        fromValue(value),
      ]),
    );
    const args = stmt.named_args?.length ? named : (stmt.args ?? []).map(fromValue);
    return this.#whenNotBusy(() => {
      const prepared = this.db.prepare(sql);
      if (!prepared.reader) {
        const { changes, lastInsertRowid } = prepared.run(args);
        return {
          cols: [],
          rows: [],
          affected_row_count: changes,
          last_insert_rowid: String(lastInsertRowid),
        };
      }
      const before = this.#counters().total;
      prepared.safeIntegers(true);
      prepared.raw(true);
      const rows = prepared.all(args);
      const after = this.#counters();
      return {
        cols: prepared.columns().map((column) => ({ name: column.name, decltype: column.type })),
        rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(toValue)),
        affected_row_count: after.total === before ? 0 : Number(after.changes),
        last_insert_rowid: String(after.rowid),
      };
    });
  }

  #counters() {
    const [changes, rowid, total] = this.db
      .prepare("SELECT changes(), last_insert_rowid(), total_changes()")
      .raw(true)
      .get([]);
    return { changes, rowid, total };
  }

  async #whenNotBusy(work) {
    const deadline = Date.now() + BUSY_DEADLINE_MS;
    for (;;) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
        await sleep(BUSY_RETRY_MS);
      }
    }
  }

  /** A batch: each step runs when its condition holds (BatchResult). */
  async batch({ steps }) {
    const results = [];
    const errors = [];
    const holds = (cond) => {
      switch (cond.type) {
        case "ok":
          return results[cond.step] != null;
        case "error":
          return errors[cond.step] != null;
        case "not":
          return !holds(cond.cond);
        case "and":
          return cond.conds.every(holds);
        case "or":
          return cond.conds.some(holds);
        case "is_autocommit":
          return !this.db.inTransaction;
        default:
          throw new ProtocolError(`unknown condition ${JSON.stringify(cond.type)}`);
      }
    };
    for (const step of steps) {
      if (step.condition && !holds(step.condition)) {
        results.push(null);
        errors.push(null);
        continue;
      }
      try {
        results.push(await this.execute(step.stmt));
        errors.push(null);
      } catch (error) {
        if (error instanceof ProtocolError) throw error;
        results.push(null);
        errors.push(errorOf(error));
      }
    }
    return { step_results: results, step_errors: errors };
  }

  async sequence(request) {
    const sql = this.sqlOf(request);
    await this.#whenNotBusy(() => this.db.exec(sql));
  }

  close() {
    try {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
    } catch {
      // The connection goes either way; SQLite rolls back what a closed connection held.
    }
    this.db.close();
  }
}

/**
 * Starts the double for the SQLite file `file` on 127.0.0.1 (a free port unless `port` is given).
 * `delayMs` is added to every HTTP round trip (half before the work, half after).
 */
export async function startLibsqlDouble({ file, port = 0, delayMs = 0 }) {
  const streams = new Map();
  let roundTrips = 0;
  // sqld keeps its databases in WAL mode (readers never wait for the writer); the mode sticks to the file.
  const setup = new Database(file);
  setup.prepare("PRAGMA journal_mode = WAL").get([]);
  setup.close();

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [baton, stream] of streams)
      if (now - stream.lastUsed > STREAM_IDLE_MS) {
        streams.delete(baton);
        stream.close();
      }
  }, STREAM_IDLE_MS / 2);
  sweep.unref();

  async function pipeline(body) {
    let stream;
    if (body.baton == null) stream = new Stream(file);
    else {
      stream = streams.get(body.baton);
      if (!stream) throw new ProtocolError("unknown or expired baton");
      streams.delete(body.baton);
    }
    stream.lastUsed = Date.now();
    const results = [];
    let open = true;
    for (const request of body.requests ?? []) {
      if (!open) throw new ProtocolError("a request after close");
      try {
        results.push({ type: "ok", response: await answer(stream, request) });
      } catch (error) {
        if (error instanceof ProtocolError) throw error;
        results.push({ type: "error", error: errorOf(error) });
      }
      if (request.type === "close") open = false;
    }
    if (!open) {
      stream.close();
      return { baton: null, base_url: null, results };
    }
    const baton = randomBytes(12).toString("base64url");
    streams.set(baton, stream);
    return { baton, base_url: null, results };
  }

  async function answer(stream, request) {
    switch (request.type) {
      case "execute":
        return { type: "execute", result: await stream.execute(request.stmt) };
      case "batch":
        return { type: "batch", result: await stream.batch(request.batch) };
      case "sequence":
        await stream.sequence(request);
        return { type: "sequence" };
      case "store_sql":
        stream.sqls.set(request.sql_id, request.sql);
        return { type: "store_sql" };
      case "close_sql":
        stream.sqls.delete(request.sql_id);
        return { type: "close_sql" };
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !stream.db.inTransaction };
      case "close":
        return { type: "close" };
      default:
        throw new ProtocolError(`unknown request ${JSON.stringify(request.type)}`);
    }
  }

  const reply = (response, status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    roundTrips += 1;
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    if (delayMs > 0) await sleep(delayMs / 2);
    let status = 200;
    let body;
    if (request.method === "POST" && request.url === "/v2/pipeline") {
      try {
        body = await pipeline(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        [status, body] = [400, errorOf(error)];
      }
    } else if (request.method === "GET" && request.url === "/v2") {
      body = {};
    } else {
      // Among others the client's probes for v3 (`GET /v3`, `/v3-protobuf`): this speaks v2 only.
      [status, body] = [404, { message: "not found" }];
    }
    if (delayMs > 0) await sleep(delayMs / 2);
    reply(response, status, body);
  });
  server.keepAliveTimeout = 60_000;

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const actualPort = server.address().port;

  return {
    port: actualPort,
    url: `libsql://127.0.0.1:${actualPort}?tls=0`,
    /** HTTP requests answered so far (each one a round trip). */
    roundTrips: () => roundTrips,
    /** Streams (connections) open now. */
    openStreams: () => streams.size,
    close: () =>
      new Promise((resolve) => {
        clearInterval(sweep);
        for (const stream of streams.values()) stream.close();
        streams.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...rest] = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = rest.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(rest[index + 1]);
  };
  if (!file) {
    console.error("usage: node scripts/libsql-double.mjs FILE [--port N] [--delay MS]");
    process.exit(2);
  }
  const double = await startLibsqlDouble({
    file,
    port: option("port", 0),
    delayMs: option("delay", 0),
  });
  console.log(double.url);
  process.on("SIGTERM", () => void double.close().then(() => process.exit(0)));
  process.on("SIGINT", () => void double.close().then(() => process.exit(0)));
}
