// `npm run cluster`: Auth Lab as several instances on this machine, for the lab's Scaling part.
//   - two production instances (next start) on their own ports, sharing one database file;
//   - a small round-robin load balancer in front of them, at the public address (APP_URL);
//   - a throwaway redis-server, and the local identity provider;
//   - a control port (loopback, token required) that the lab uses to switch where sessions live,
//     restart an instance, and stop or start Redis, so each failure mode can be watched live.
// Everything stops with this process. Options (all optional):
//   --port 3000   the load balancer (instances on port+1, port+2; control on port+99)
//   --store redis | database | memory   where sessions live at start (default redis)
//   --idp URL     use a running identity provider instead of starting one
//   --lazy        start the instances on the first request to the balancer or the control port
//   --database URL   a libSQL URL (default file:./.data/cluster.db)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "./dev-secrets.mjs";
import { freePort, startRedis } from "./redis-server.mjs";
import { bin, run } from "./run.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] && !args[at + 1].startsWith("--") ? args[at + 1] : fallback;
};
const PORT = Number(option("port", "3000"));
const CONTROL_PORT = PORT + 99;
const APP_URL = `http://localhost:${PORT}`;
// "temp": a fresh file in a temporary folder, removed on exit (the e2e tests use it).
const databaseOption = option("database", "file:./.data/cluster.db");
const tempDir =
  databaseOption === "temp" ? mkdtempSync(path.join(tmpdir(), "auth-lab-cluster-")) : null;
const DATABASE_URL = tempDir ? `file:${path.join(tempDir, "cluster.db")}` : databaseOption;
const LAZY = args.includes("--lazy");
const TOKEN = randomBytes(24).toString("base64url");
const STORES = ["redis", "database", "memory"];
let store = option("store", "redis");
if (!STORES.includes(store)) throw new Error(`--store must be one of ${STORES.join(", ")}`);

process.env.NEXT_TELEMETRY_DISABLED = "1";
const log = (...parts) => console.log("cluster:", ...parts);

// --- set-up: a production build, migrations, shared secrets --------------------------------
if (!existsSync(".next/BUILD_ID")) {
  log("no production build yet: running next build");
  await run(bin("next"), ["build"]);
}
if (DATABASE_URL.startsWith("file:./.data/")) mkdirSync(".data", { recursive: true });
await run(bin("prisma"), ["migrate", "deploy"], {
  env: { ...process.env, DATABASE_URL },
  stdio: ["ignore", "ignore", "inherit"],
});
const secrets = generateSecrets();

let idpUrl = option("idp", null);
const children = new Set();
if (!idpUrl) {
  const idpPort = PORT + 98;
  idpUrl = `http://127.0.0.1:${idpPort}`;
  const idp = spawn(bin("tsx"), ["scripts/idp/server.ts"], {
    env: { ...process.env, IDP_PORT: String(idpPort), IDP_APP_ORIGINS: APP_URL },
    stdio: "ignore",
  });
  children.add(idp);
}

// --- Redis, which the lab may stop and start ---------------------------------------------------
const redisPort = await freePort();
// Persistent (an append-only file), like a production Redis: stopping it loses nothing.
const redisDir = mkdtempSync(path.join(tmpdir(), "auth-lab-cluster-redis-"));
let redis = null;
async function redisStart() {
  if (redis) return;
  const started = await startRedis(redisPort, { dir: redisDir });
  redis = started;
  children.add(started);
  started.on("exit", () => children.delete(started));
  // Done once every running instance sees it again: their clients reconnect by themselves.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const views = await Promise.all(
      instances
        .filter((instance) => instance.up)
        .map((instance) =>
          fetch(`${instance.url}/api/health`)
            .then((response) => response.json())
            .then((body) => body.redis === "reachable" || store !== "redis")
            .catch(() => false),
        ),
    );
    if (views.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
async function redisStop() {
  if (!redis) return;
  const stopping = redis;
  redis = null;
  await new Promise((resolve) => {
    stopping.once("exit", resolve);
    stopping.kill("SIGTERM");
  });
}

// --- the instances -------------------------------------------------------------------------------
const instances = ["a", "b"].map((id, i) => ({
  id,
  port: PORT + 1 + i,
  url: `http://127.0.0.1:${PORT + 1 + i}`,
  child: null,
  up: false,
  startedAt: null,
}));
const INSTANCES = instances.map(({ id, url }) => `${id}=${url}`).join(",");
await redisStart();

async function healthy(instance) {
  try {
    const response = await fetch(`${instance.url}/api/health`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.status === 200 || response.status === 503;
  } catch {
    return false;
  }
}

async function startInstance(instance) {
  const env = {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    APP_URL,
    DATABASE_URL,
    INSTANCE_ID: instance.id,
    SESSION_STORE: store,
    // Throttling and the JWT denylist use Redis only when sessions do: one store at a time.
    REDIS_URL: store === "redis" ? `redis://127.0.0.1:${redisPort}` : "",
    OAUTH_LOCAL_IDP_URL: idpUrl,
    OAUTH_ALLOW_LOCAL_IDP: "true",
    CLUSTER_CONTROL_URL: `http://127.0.0.1:${CONTROL_PORT}`,
    CLUSTER_CONTROL_TOKEN: TOKEN,
    CLUSTER_INSTANCES: INSTANCES,
    // The balancer appends the client's address: one trusted hop.
    CLIENT_IP_SOURCE: "proxy",
    TRUSTED_PROXY_HOPS: "1",
  };
  if (!env.REDIS_URL) delete env.REDIS_URL;
  const child = spawn(
    bin("next"),
    ["start", "--port", String(instance.port), "--hostname", "127.0.0.1"],
    {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  instance.child = child;
  instance.up = false;
  children.add(child);
  child.on("exit", () => {
    children.delete(child);
    if (instance.child === child) {
      instance.child = null;
      instance.up = false;
    }
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && instance.child === child) {
    if (await healthy(instance)) {
      instance.up = true;
      instance.startedAt = new Date().toISOString();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance ${instance.id} did not come up`);
}

async function stopInstance(instance) {
  const { child } = instance;
  instance.up = false;
  if (!child) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

let started = false;
let busy = Promise.resolve();
/** Control actions run one at a time, in the background: the caller polls /status. */
function enqueue(action) {
  busy = busy.then(action).catch((error) => log("control action failed:", error.message));
  return busy;
}
function ensureStarted() {
  if (started) return;
  started = true;
  enqueue(() => Promise.all(instances.map(startInstance)));
}
if (!LAZY) ensureStarted();

// --- the load balancer: round robin over the instances that are up ------------------------------
let next = 0;
const balancer = http.createServer((req, res) => {
  ensureStarted();
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => void forward(req, res, Buffer.concat(chunks), 0));
});
/** While every instance is (re)starting, a request waits for one (as a balancer's queue would). */
async function someInstanceUp(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !instances.some((instance) => instance.up))
    await new Promise((resolve) => setTimeout(resolve, 100));
}

async function forward(req, res, body, attempt) {
  if (!instances.some((instance) => instance.up)) await someInstanceUp();
  const up = instances.filter((instance) => instance.up);
  if (up.length === 0 || attempt >= instances.length) {
    res.writeHead(503, { "content-type": "application/json", "retry-after": "1" });
    res.end(
      JSON.stringify({
        error: {
          code: "unavailable",
          message: "No instance is up right now: one is (re)starting.",
        },
      }),
    );
    return;
  }
  const instance = up[next++ % up.length];
  const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
    .filter(Boolean)
    .join(", ");
  const upstream = http.request(
    {
      host: "127.0.0.1",
      port: instance.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, "x-forwarded-for": forwarded },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  // An instance that went away mid-request: try the next one (the request never reached it).
  upstream.on("error", () => {
    if (!res.headersSent) void forward(req, res, body, attempt + 1);
    else res.destroy();
  });
  upstream.end(body);
}
balancer.listen(PORT, "127.0.0.1");

// --- the control port: loopback only, and a token no other web page can send -------------------
function status() {
  return {
    store,
    redis: redis ? "running" : "stopped",
    instances: instances.map(({ id, url, up, startedAt }) => ({ id, url, up, startedAt })),
  };
}
const control = http.createServer(async (req, res) => {
  const reply = (code, body) => {
    res.writeHead(code, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  if (req.headers["x-cluster-token"] !== TOKEN) return reply(403, { error: "token required" });
  ensureStarted();
  const url = new URL(req.url ?? "/", "http://control");
  let input = {};
  if (req.method === "POST") {
    let text = "";
    for await (const chunk of req) text += chunk;
    try {
      input = JSON.parse(text || "{}");
    } catch {
      return reply(400, { error: "JSON body expected" });
    }
  }
  if (req.method === "GET" && url.pathname === "/status") return reply(200, status());
  if (req.method === "POST" && url.pathname === "/store") {
    if (!STORES.includes(input.store))
      return reply(400, { error: `store is one of ${STORES.join(", ")}` });
    enqueue(async () => {
      store = input.store;
      log(`sessions now in ${store}: restarting both instances`);
      for (const instance of instances) instance.up = false;
      await Promise.all(instances.map(stopInstance));
      await Promise.all(instances.map(startInstance));
    });
    return reply(202, status());
  }
  if (req.method === "POST" && url.pathname === "/restart") {
    const instance = instances.find((candidate) => candidate.id === input.instance);
    if (!instance) return reply(400, { error: "instance is a or b" });
    enqueue(async () => {
      log(`restarting instance ${instance.id}`);
      await stopInstance(instance);
      await startInstance(instance);
    });
    return reply(202, status());
  }
  if (req.method === "POST" && url.pathname === "/redis") {
    if (input.state === "stopped") await enqueue(redisStop);
    else if (input.state === "running") await enqueue(redisStart);
    else return reply(400, { error: "state is running or stopped" });
    return reply(200, status());
  }
  reply(404, { error: "no such control" });
});
control.listen(CONTROL_PORT, "127.0.0.1");

log(
  `${APP_URL} balances instances a (${instances[0].url}) and b (${instances[1].url}); sessions in ${store}; open ${APP_URL}/lab#scaling-heading`,
);

function stopAll() {
  balancer.close();
  control.close();
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    rmSync(redisDir, { recursive: true, force: true });
    process.exit(0);
  }, 500).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stopAll);
