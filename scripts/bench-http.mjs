// `npm run bench:http`: what each strategy's guard costs over HTTP, against one production
// server (`next start`) on a fresh SQLite file, relative to a baseline route that does no work
// (GET /api/baseline: the same route wrapper, nothing authenticated or read, a body as large as
// the guarded answers'). Targets are measured interleaved, round by round, so a drift of the
// machine (another process, thermal limits) spreads over all of them alike.
//   npm run bench:http -- [--rate 300] [--redis] [--rounds 5] [--duration 6] [--connections 20]
//                         [--warmup 2] [--targets baseline,session,…] [--out result.json]
//                         [--env NAME=value …] [--figures lib/lab/http-figures.json]
//   --rate N: open loop, N requests a second whatever the answers' pace (autocannon's
//     overallRate): the figures are CPU per request and p99 at that load, not throughput.
//     Without it, closed loop: each connection sends its next request when the last answers.
//   npm run bench:http -- --profile DIR [--duration 10] [--targets …]
//     one fresh server per target under --cpu-prof; each target alone; profiles in DIR/<target>/
//     (summarise them with scripts/cpuprofile-summary.mjs)
// Loopback only: it starts its own server (and redis-server with --redis) on free ports, bounds
// every step in time, and stops everything it started when it ends, whatever the outcome.
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import autocannon from "autocannon";
import { generateSecrets } from "./dev-secrets.mjs";
import { freePort, startRedis } from "./redis-server.mjs";
import { bin, run } from "./run.mjs";

// ---------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
function option(name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}
function options(name) {
  const values = [];
  args.forEach((arg, i) => {
    if (arg === `--${name}` && i + 1 < args.length) values.push(args[i + 1]);
  });
  return values;
}
const positive = (name, fallback) => {
  const value = Number(option(name, fallback));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};

const PROFILE_DIR = option("profile", null);
const REDIS = flag("redis");
const ROUNDS = Math.round(positive("rounds", 5));
const DURATION = positive("duration", PROFILE_DIR ? 10 : 6);
const CONNECTIONS = Math.round(positive("connections", 20));
const RATE = option("rate", null) === null ? null : Math.round(positive("rate", 300));
const WARMUP = Number(option("warmup", 3));
const OUT = option("out", null);
/** Where to write the figures the lab shows (lib/lab/http-figures.json), when given. */
const FIGURES = option("figures", null);
// A/B in one run: another checkout with its own build (and node_modules), served alongside this
// one, measured target by target in alternation. Its rows are labelled with --against-label.
const AGAINST = option("against", null);
const AGAINST_LABEL = option(
  "against-label",
  AGAINST ? path.basename(path.resolve(AGAINST)) : null,
);
const THIS_LABEL = option("label", "this build");
const WAIT_QUIET = Number(option("wait-quiet", 0));
const EXTRA_ENV = Object.fromEntries(
  options("env").map((pair) => {
    const [name, value] = pair.split(/=(.*)/s);
    if (!name || value === undefined) throw new Error(`--env takes NAME=value, not ${pair}`);
    return [name, value];
  }),
);

// Every target the benchmark knows; `auth` says which credential it carries.
const TARGETS = [
  // Its path gets ?bytes=<the guarded answers' median size> once they are known (sizeBaseline).
  {
    id: "baseline",
    label: "baseline `GET /api/baseline` (no work)",
    path: "/api/baseline",
    auth: null,
  },
  {
    id: "jwks",
    label: "`GET /api/jwt/jwks` (reads the lab's published keys)",
    path: "/api/jwt/jwks",
    auth: null,
  },
  { id: "health", label: "`GET /api/health`", path: "/api/health", auth: null },
  {
    id: "session",
    label: "session `GET /api/session/me`",
    path: "/api/session/me",
    auth: "session",
  },
  {
    id: "jwt-checked",
    label: "JWT checked `GET /api/jwt/me`",
    path: "/api/jwt/me",
    auth: "bearer",
  },
  {
    id: "jwt-stateless",
    label: "JWT stateless `GET /api/downstream/profile`",
    path: "/api/downstream/profile",
    auth: "bearer",
  },
  { id: "oauth", label: "OAuth `GET /api/oauth/me`", path: "/api/oauth/me", auth: "oauth" },
];
const wanted = option("targets", null)
  ?.split(",")
  .map((id) => id.trim());
for (const id of wanted ?? [])
  if (!TARGETS.some((target) => target.id === id))
    throw new Error(`unknown target ${id}: one of ${TARGETS.map((t) => t.id).join(", ")}`);
const targets = TARGETS.filter((target) => !wanted || wanted.includes(target.id));
if (!PROFILE_DIR && targets[0]?.id !== "baseline")
  throw new Error("the ratios need the baseline target");

process.env.NEXT_TELEMETRY_DISABLED = "1";

// ---------------------------------------------------------------------------------------------
// Everything started here is stopped on the way out, and the whole run is bounded in time.

const cleanups = [];
let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    console.error(`bench:http: ${signal}, stopping`);
    void cleanUp().then(() => process.exit(130));
  });

const perTarget = WARMUP + DURATION + 3;
const budgetSeconds = PROFILE_DIR
  ? targets.length * (120 + perTarget + 2 * WAIT_QUIET)
  : 240 + (AGAINST ? 2 : 1) * targets.length * (ROUNDS + 1) * (WARMUP + DURATION + WAIT_QUIET + 3);
const watchdog = setTimeout(() => {
  console.error(`bench:http: still running after ${budgetSeconds} s: giving up`);
  void cleanUp().then(() => process.exit(124));
}, budgetSeconds * 1000);
watchdog.unref();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `signal`, then SIGKILL if the child is still there after `graceMs`. */
function stopChild(child, signal = "SIGTERM", graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

// ---------------------------------------------------------------------------------------------
// The server

if (!existsSync(".next/BUILD_ID")) {
  console.log("bench:http: no production build yet: running next build");
  await run(bin("next"), ["build"]);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), "auth-lab-bench-http-"));
cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));

let redisUrl = null;
if (REDIS) {
  const redisPort = await freePort();
  const redis = await startRedis(redisPort);
  cleanups.push(() => stopChild(redis));
  redisUrl = `redis://127.0.0.1:${redisPort}`;
}

/** A fresh database, one `next start` on it, and the credentials every target needs. */
async function startServer(name, { profileDir = null, cwd = process.cwd() } = {}) {
  const databaseUrl = `file:${path.join(workDir, `${name}.db`)}`;
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    ...generateSecrets(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: appUrl,
    DATABASE_URL: databaseUrl,
    OAUTH_ALLOW_LOCAL_IDP: "true",
    REGISTRATION_LIMIT_PER_HOUR: "1000000",
    // Behind no proxy here: one trusted hop, which `next start` fills from the connection.
    CLIENT_IP_SOURCE: "proxy",
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...EXTRA_ENV,
  };
  // --cpu-prof is refused in NODE_OPTIONS; `next start` serves from this very process.
  const nodeFlags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  await run(path.join(cwd, bin("prisma")), ["migrate", "deploy"], {
    env,
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 120_000,
  });
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      path.join(cwd, "node_modules/next/dist/bin/next"),
      "start",
      "--port",
      String(port),
      "--hostname",
      "localhost",
    ],
    { env, cwd, stdio: ["ignore", "ignore", "inherit"] },
  );
  const stop = (signal) => stopChild(child, signal);
  cleanups.push(() => stop("SIGTERM"));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    const ok = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${appUrl} did not answer /api/health in 90 s`);
    await sleep(200);
  }
  const credentials = await createCredentials(appUrl, databaseUrl);
  return { appUrl, databaseUrl, child, stop, credentials };
}

// ---------------------------------------------------------------------------------------------
// Credentials, made through the app's own API (and, for OAuth, one row in its database)

async function call(url, init = {}) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { response, body };
}

const postJson = (appUrl, pathname, body) =>
  call(`${appUrl}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl },
    body: JSON.stringify(body),
  });

const cookiePairs = (response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .filter((pair) => !pair.endsWith("="));

function expectStatus(what, { response, body }, status) {
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(body)}`);
}

/** Seconds until a JWT's exp, read from its payload (this side trusts its own server). */
function secondsLeft(token) {
  const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
  return payload.exp - Date.now() / 1000;
}

/** A Date in the exact form the app's rows hold it (Prisma's libSQL adapter writes them). */
function dateWriterLike(sample) {
  if (typeof sample === "number" || typeof sample === "bigint") return (date) => date.getTime();
  if (typeof sample === "string" && sample.endsWith("+00:00"))
    return (date) => date.toISOString().replace("Z", "+00:00");
  if (typeof sample === "string" && sample.endsWith("Z")) return (date) => date.toISOString();
  throw new Error(`unrecognised date format in the database: ${JSON.stringify(sample)}`);
}

async function createCredentials(appUrl, databaseUrl) {
  const person = {
    name: "Bench Person",
    email: `bench-${randomUUID()}@bench.authlab.test`,
    password: `bench passphrase ${randomBytes(12).toString("base64url")}`,
  };
  const registered = await postJson(appUrl, "/api/register", person);
  expectStatus("register", registered, 201);
  const userId = registered.body.user.id;
  const login = { email: person.email, password: person.password };

  const session = await postJson(appUrl, "/api/session/login", login);
  expectStatus("session sign-in", session, 200);
  const sessionCookie = cookiePairs(session.response)
    .filter((pair) => pair.startsWith("auth-lab.session="))
    .join("; ");
  if (!sessionCookie) throw new Error("session sign-in set no auth-lab.session cookie");

  const issueAccessToken = async () => {
    const issued = await postJson(appUrl, "/api/jwt/token", login);
    expectStatus("JWT sign-in", issued, 200);
    return issued.body.access_token;
  };

  // OAuth without an identity provider: an Auth.js database session, as the adapter writes one
  // (the row holds the SHA-256 of the cookie's token), with dates in the app's own format.
  const db = createClient({ url: databaseUrl });
  let oauthToken;
  try {
    await db.execute("PRAGMA busy_timeout = 5000");
    const sample = await db.execute({
      sql: 'SELECT "createdAt" FROM "AuthEvent" WHERE "userId" = ? ORDER BY "createdAt" DESC LIMIT 1',
      args: [userId],
    });
    if (sample.rows.length === 0) throw new Error("no AuthEvent row to copy the date format from");
    const toDb = dateWriterLike(sample.rows[0].createdAt);
    oauthToken = randomBytes(32).toString("base64url");
    const now = new Date();
    const expires = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
    await db.execute({
      // The person's epoch (0: just registered) and the proof, as a provider callback records them.
      sql: `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt",
              "updatedAt", "epoch", "authTime", "authMethod")
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'google')`,
      args: [
        `bench${randomBytes(10).toString("hex")}`,
        createHash("sha256").update(oauthToken).digest("hex"),
        userId,
        toDb(expires),
        toDb(now),
        toDb(now),
        toDb(now),
      ],
    });
  } finally {
    db.close();
  }

  const credentials = {
    userId,
    sessionCookie,
    oauthCookie: `authjs.session-token=${oauthToken}`,
    accessToken: await issueAccessToken(),
    /** A new access token when the current one would expire within `seconds`. */
    async freshFor(seconds) {
      if (secondsLeft(this.accessToken) < seconds) this.accessToken = await issueAccessToken();
    },
  };
  return credentials;
}

function headersFor(target, credentials) {
  if (target.auth === "session") return { cookie: credentials.sessionCookie };
  if (target.auth === "oauth") return { cookie: credentials.oauthCookie };
  if (target.auth === "bearer") return { authorization: `Bearer ${credentials.accessToken}` };
  return {};
}

/** The baseline answers as many bytes as the guarded targets do (their median), so only work differs. */
async function sizeBaseline(appUrl, credentials) {
  const sizes = [];
  for (const target of TARGETS.filter((candidate) => candidate.auth)) {
    const response = await fetch(`${appUrl}${target.path}`, {
      headers: headersFor(target, credentials),
      signal: AbortSignal.timeout(10_000),
    });
    sizes.push((await response.arrayBuffer()).byteLength);
  }
  const baseline = TARGETS.find((target) => target.id === "baseline");
  baseline.path = `/api/baseline?bytes=${Math.round(median(sizes))}`;
}

/** Each target answers 200, and for whom it should, before anything is measured. */
async function verifyTargets(appUrl, credentials) {
  for (const target of targets) {
    const { response, body } = await call(`${appUrl}${target.path}`, {
      headers: headersFor(target, credentials),
    });
    if (response.status !== 200)
      throw new Error(
        `${target.path}: expected 200, got ${response.status} ${JSON.stringify(body)}`,
      );
    const who = body?.user?.id ?? body?.subject;
    if (target.auth && who !== credentials.userId)
      throw new Error(`${target.path}: answered for ${who}, not ${credentials.userId}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

// The server's CPU time (Linux /proc), whole process and main thread: a request's cost that other
// load on the machine (it has two cores, shared with autocannon and anything else) disturbs far
// less than requests per second. Null where /proc is not there.
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(statFile) {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const text = readFileSync(statFile, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
/** CPU seconds the whole machine has been busy (all cores), from /proc/stat. */
function machineBusySeconds() {
  try {
    const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
/** Cores kept busy by other processes (neither the server nor this one) over `ms`. */
async function otherLoad(pid, ms) {
  const before = {
    machine: machineBusySeconds(),
    server: serverCpu(pid).process,
    own: ownCpuSeconds(),
  };
  await sleep(ms);
  const after = {
    machine: machineBusySeconds(),
    server: serverCpu(pid).process,
    own: ownCpuSeconds(),
  };
  if (before.machine === null || before.server === null) return null;
  const other =
    after.machine - before.machine - (after.server - before.server) - (after.own - before.own);
  return Math.max(0, other) / (ms / 1000);
}
/** With --wait-quiet S: up to S seconds for the other processes to use less than 0.25 of a core. */
async function waitForQuiet(pid) {
  const deadline = Date.now() + WAIT_QUIET * 1000;
  let load = null;
  while (Date.now() < deadline) {
    load = await otherLoad(pid, 1000);
    if (load === null || load < 0.25) return;
  }
  if (WAIT_QUIET > 0)
    console.log(
      `  (still ${load?.toFixed(2)} cores of other load after ${WAIT_QUIET} s: measuring anyway)`,
    );
}

const serverCpu = (pid) => ({
  process: cpuSeconds(`/proc/${pid}/stat`),
  main: cpuSeconds(`/proc/${pid}/task/${pid}/stat`),
});

async function load(server, target, seconds) {
  const { appUrl, credentials } = server;
  await credentials.freshFor(seconds + 60);
  await waitForQuiet(server.child.pid);
  const before = serverCpu(server.child.pid);
  const machineBefore = machineBusySeconds();
  const ownBefore = ownCpuSeconds();
  const result = await autocannon({
    url: `${appUrl}${target.path}`,
    connections: CONNECTIONS,
    ...(RATE ? { overallRate: RATE } : {}),
    duration: seconds,
    headers: headersFor(target, credentials),
    timeout: 10,
  });
  const after = serverCpu(server.child.pid);
  const machineAfter = machineBusySeconds();
  const ownAfter = ownCpuSeconds();
  const perRequest = (key) =>
    before[key] === null || after[key] === null || result.requests.total === 0
      ? null
      : ((after[key] - before[key]) * 1e6) / result.requests.total;
  const others =
    machineBefore === null || before.process === null
      ? null
      : Math.max(
          0,
          machineAfter - machineBefore - (after.process - before.process) - (ownAfter - ownBefore),
        ) / seconds;
  return {
    otherCores: others,
    cpuUs: perRequest("process"),
    mainCpuUs: perRequest("main"),
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** Server-Timing of sequential requests with no other load: the guard's own steps. */
async function serverTimings(appUrl, target, credentials, count = 100) {
  const steps = {};
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${appUrl}${target.path}`, {
      headers: headersFor(target, credentials),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    for (const entry of (response.headers.get("server-timing") ?? "").split(",")) {
      const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(entry);
      if (match) (steps[match[1]] ??= []).push(Number(match[2]));
    }
  }
  return Object.fromEntries(Object.entries(steps).map(([name, values]) => [name, median(values)]));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? "unknown",
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

async function benchmark() {
  if (AGAINST && !existsSync(path.join(AGAINST, ".next/BUILD_ID")))
    throw new Error(`--against ${AGAINST}: no production build there (.next/BUILD_ID)`);
  const variants = [{ label: THIS_LABEL, cwd: process.cwd() }];
  if (AGAINST) variants.unshift({ label: AGAINST_LABEL, cwd: path.resolve(AGAINST) });
  for (const [i, variant] of variants.entries()) {
    variant.server = await startServer(`bench-${i}`, { cwd: variant.cwd });
    if (i === 0) await sizeBaseline(variant.server.appUrl, variant.server.credentials);
    await verifyTargets(variant.server.appUrl, variant.server.credentials);
  }
  const where = redisUrl ? "sessions and denylist in Redis" : "sessions in the SQLite file";
  console.log(
    `bench:http: ${variants.map((v) => `${v.label} ${v.server.appUrl}`).join(", ")} (${where}); ` +
      `${ROUNDS} rounds × ${targets.length} targets${AGAINST ? " × 2 builds" : ""} × ${DURATION} s, ${CONNECTIONS} connections${RATE ? `, ${RATE} requests/s (open loop)` : ""}; baseline ${targets[0].path}`,
  );

  for (const target of targets)
    for (const variant of variants) if (WARMUP > 0) await load(variant.server, target, WARMUP);

  const runs = new Map();
  const runsOf = (variant, target) => {
    const key = `${variant.label}|${target.id}`;
    if (!runs.has(key)) runs.set(key, []);
    return runs.get(key);
  };
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts one target later (and, A/B, the other build first), so no target or
    // build is always first or last.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    const builds = round % 2 === 0 ? variants : [...variants].reverse();
    for (const target of order)
      for (const variant of builds) {
        const result = await load(variant.server, target, DURATION);
        runsOf(variant, target).push(result);
        console.log(
          `  round ${round + 1} ${AGAINST ? `${variant.label.padEnd(12)} ` : ""}${target.id.padEnd(13)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ${result.p99} ms  main-thread CPU ${result.mainCpuUs?.toFixed(0) ?? "–"} µs/req  other load ${result.otherCores?.toFixed(2) ?? "–"} cores  non-2xx ${result.non2xx}  errors ${result.errors}`,
        );
      }
  }

  for (const variant of variants) {
    variant.timings = {};
    for (const target of targets)
      variant.timings[target.id] = await serverTimings(
        variant.server.appUrl,
        target,
        variant.server.credentials,
      );
    await variant.server.stop("SIGTERM");
  }

  const medianOf = (results, key) =>
    results.some((r) => r[key] === null) ? null : median(results.map((r) => r[key]));
  for (const variant of variants) {
    const base = median(runsOf(variant, targets[0]).map((r) => r.rps));
    const baseCpu = medianOf(runsOf(variant, targets[0]), "mainCpuUs");
    variant.rows = targets.map((target) => {
      const results = runsOf(variant, target);
      const rps = median(results.map((r) => r.rps));
      const mainCpuUs = medianOf(results, "mainCpuUs");
      return {
        id: target.id,
        label: target.label,
        rps,
        min: Math.min(...results.map((r) => r.rps)),
        max: Math.max(...results.map((r) => r.rps)),
        ratio: rps / base,
        p99: median(results.map((r) => r.p99)),
        non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
        mainCpuUs,
        cpuUs: medianOf(results, "cpuUs"),
        cpuRatio: mainCpuUs && baseCpu ? baseCpu / mainCpuUs : null,
        otherCores: medianOf(results, "otherCores"),
        serverTiming: variant.timings[target.id],
        runs: results,
      };
    });
  }

  const info = machine();
  const allRows = variants.flatMap((variant) => variant.rows);
  const timingText = (steps) =>
    Object.entries(steps)
      .map(([name, ms]) => `${name} ${(ms * 1000).toFixed(0)} µs`)
      .join(", ") || "–";
  console.log(`\n### bench:http (${redisUrl ? "Redis" : "SQLite"} sessions)\n`);
  console.log(
    `${info.date}; ${info.cpus} × ${info.model}; Node ${info.node}; ${info.os}; ` +
      `${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections${RATE ? `, open loop at ${RATE} requests/s` : ", closed loop"}, medians over rounds; ` +
      `other processes' load during the runs (median over runs): ${median(allRows.map((row) => row.otherCores ?? 0)).toFixed(2)} cores\n`,
  );
  for (const variant of variants) {
    if (AGAINST) console.log(`\n**${variant.label}**\n`);
    console.log(
      "| target | req/s | ratio to baseline | p99 | non-2xx | rounds (min–max req/s) | main-thread CPU/req | CPU ratio | Server-Timing, idle (median) |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |");
    for (const row of variant.rows)
      console.log(
        `| ${row.label} | ${row.rps.toFixed(0)} | ${row.ratio.toFixed(2)} | ${row.p99} ms | ${row.non2xx + row.errors} | ${row.min.toFixed(0)}–${row.max.toFixed(0)} | ${row.mainCpuUs?.toFixed(0) ?? "–"} µs | ${row.cpuRatio?.toFixed(2) ?? "–"} | ${timingText(row.serverTiming)} |`,
      );
  }
  if (AGAINST) {
    const [before, after] = variants;
    console.log(`\n**${before.label} → ${after.label}**\n`);
    console.log(
      "| target | ratio to baseline | CPU ratio | main-thread CPU/req | req/s |\n| --- | ---: | ---: | ---: | ---: |",
    );
    before.rows.forEach((row, i) => {
      const next = after.rows[i];
      const cpu = (r) => r.mainCpuUs?.toFixed(0) ?? "–";
      console.log(
        `| ${row.label} | ${row.ratio.toFixed(2)} → ${next.ratio.toFixed(2)} | ${row.cpuRatio?.toFixed(2) ?? "–"} → ${next.cpuRatio?.toFixed(2) ?? "–"} | ${cpu(row)} → ${cpu(next)} µs | ${row.rps.toFixed(0)} → ${next.rps.toFixed(0)} |`,
      );
    });
  }
  console.log(
    "\nCPU ratio: the baseline's main-thread CPU per request over the target's (what the req/s ratio is when the server's one thread is the bottleneck; less disturbed by other load on the machine).",
  );
  if (OUT)
    writeFileSync(
      OUT,
      JSON.stringify(
        {
          machine: info,
          redis: Boolean(redisUrl),
          rounds: ROUNDS,
          duration: DURATION,
          connections: CONNECTIONS,
          env: EXTRA_ENV,
          variants: variants.map(({ label, cwd, rows }) => ({ label, cwd, rows })),
        },
        null,
        2,
      ),
    );
  if (FIGURES) writeFigures(FIGURES, info, Boolean(redisUrl), variants.at(-1));
  return allRows.some((row) => row.non2xx + row.errors > 0) ? 1 : 0;
}

/** The figures the lab shows beside its cost probe (lib/lab/http-figures.json): this build's rows. */
function writeFigures(file, info, redis, variant) {
  const figures = {
    // Where this run wrote its own JSON is nobody else's business.
    command:
      `npm run bench:http -- ${args.filter((arg, i) => arg !== "--out" && args[i - 1] !== "--out").join(" ")}`.trim(),
    date: info.date,
    machine: `${info.cpus} × ${info.model}, Node ${info.node}`,
    store: redis ? "redis" : "sqlite",
    rounds: ROUNDS,
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    // Open loop: every target got the same requests a second, so CPU per request is the figure.
    rate: RATE ?? null,
    rows: variant.rows.map((row) => ({
      id: row.id,
      rps: Math.round(row.rps),
      ratio: Math.round((RATE ? (row.cpuRatio ?? 0) : row.ratio) * 100) / 100,
      cpuUs: row.mainCpuUs === null ? null : Math.round(row.mainCpuUs),
      p99Ms: row.p99,
      failed: row.non2xx + row.errors,
    })),
  };
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`bench:http: figures for the lab written to ${file}`);
}

/** One fresh server per target under --cpu-prof: warm up, load, then SIGINT to write the profile. */
async function profile() {
  let failed = 0;
  for (const target of targets) {
    const dir = path.resolve(PROFILE_DIR, target.id);
    rmSync(dir, { recursive: true, force: true });
    const server = await startServer(`profile-${target.id}`, { profileDir: dir });
    await verifyTargets(server.appUrl, server.credentials);
    if (WARMUP > 0) await load(server, target, WARMUP);
    const result = await load(server, target, DURATION);
    const loadEnded = Date.now();
    await server.stop("SIGINT");
    const stoppedAfterMs = Date.now() - loadEnded;
    const files = readdirSync(dir).filter((file) => file.endsWith(".cpuprofile"));
    writeFileSync(
      path.join(dir, "meta.json"),
      JSON.stringify(
        { target: target.id, loadSeconds: DURATION, stoppedAfterMs, result, files },
        null,
        2,
      ),
    );
    failed += result.non2xx + result.errors;
    console.log(
      `${target.id.padEnd(13)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ${result.p99} ms  other load ${result.otherCores?.toFixed(2) ?? "–"} cores  non-2xx ${result.non2xx}  errors ${result.errors}  → ${dir} (${files.join(", ") || "no profile"})`,
    );
  }
  return failed > 0 ? 1 : 0;
}

let code = 1;
try {
  code = PROFILE_DIR ? await profile() : await benchmark();
  if (code !== 0) console.error("bench:http: some requests did not answer 2xx");
} catch (error) {
  console.error(`bench:http: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
process.exit(code);
