// `npm run bench:cold-start`: how long a cold server takes to give its first answer, this app
// against a bare Next.js app with one route handler, started the same way (`next start`, the same
// Next.js, the same machine), alternating, in one run. What a visitor waits for when a serverless
// function starts cold: the server boots and loads the route's modules, then answers.
//   npm run bench:cold-start -- [--runs 7] [--paths /api/health,/api/session/me,/] [--redis]
// --redis adds two rows: /api/health with REDIS_URL on a real redis-server, and on a Redis that
// accepts connections and never answers (a connection dropped silently: the worst case).
// The bare app is built once into .bench/bare (git-ignored); this app's build is .next (built if
// missing). Loopback only; every server it starts is stopped.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "./dev-secrets.mjs";
import { createServer } from "node:net";
import { freePort, startRedis } from "./redis-server.mjs";
import { bin, run } from "./run.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const RUNS = Number(option("runs", 7));
const PATHS = option("paths", "/api/health,/api/session/me,/").split(",");
const WITH_REDIS = args.includes("--redis");
const ROOT = process.cwd();
const BARE = path.join(ROOT, ".bench", "bare");

process.env.NEXT_TELEMETRY_DISABLED = "1";

if (!existsSync(".next/BUILD_ID")) {
  console.log("bench:cold-start: no production build yet: running next build");
  await run(bin("next"), ["build"]);
}

// The bare app: one route handler answering small JSON, and one page with a root layout (a page
// loads React's server renderer, which a route handler doesn't: pages are compared with pages).
if (!existsSync(path.join(BARE, ".next", "server", "app", "page.js"))) {
  mkdirSync(path.join(BARE, "app", "api", "hello"), { recursive: true });
  writeFileSync(
    path.join(BARE, "app", "api", "hello", "route.ts"),
    'export function GET() {\n  return Response.json({ hello: "world" });\n}\n',
  );
  writeFileSync(
    path.join(BARE, "app", "layout.tsx"),
    "export default function Layout({ children }: { children: React.ReactNode }) {\n" +
      '  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  writeFileSync(
    path.join(BARE, "app", "page.tsx"),
    'export const dynamic = "force-dynamic";\n\n' +
      "export default function Page() {\n  return <p>Hello</p>;\n}\n",
  );
  // A project of its own (Turbopack takes the nearest lockfile's folder as the root, and won't
  // follow a node_modules symlinked from outside it): the same packages, hard-linked.
  writeFileSync(path.join(BARE, "package.json"), JSON.stringify({ private: true, type: "module" }));
  writeFileSync(path.join(BARE, "package-lock.json"), JSON.stringify({ lockfileVersion: 3 }));
  writeFileSync(
    path.join(BARE, "next.config.mjs"),
    "export default { turbopack: { root: import.meta.dirname } };\n",
  );
  if (!existsSync(path.join(BARE, "node_modules")))
    await run("cp", ["-al", path.join(ROOT, "node_modules"), path.join(BARE, "node_modules")]);
  writeFileSync(
    path.join(BARE, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, jsx: "preserve" } }),
  );
  // Its own copy of next, so that next and React resolve from the same node_modules.
  await run(path.join(BARE, bin("next")), ["build", BARE], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// This app on a fresh, migrated SQLite file, production settings, no Redis.
const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-cold-"));
const appEnv = {
  ...process.env,
  ...generateSecrets(),
  NODE_ENV: "production",
  DATABASE_URL: `file:${path.join(dir, "cold.db")}`,
  CLIENT_IP_SOURCE: "proxy",
};
await run(bin("prisma"), ["migrate", "deploy"], {
  env: appEnv,
  stdio: ["ignore", "ignore", "inherit"],
});

/** Starts `next start` in `cwd`, asks `path` until it answers, and returns the milliseconds. */
async function firstAnswer(cwd, urlPath, env, { unavailableIsAnAnswer = false } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(path.join(cwd, bin("next")), ["start", cwd, "--port", String(port)], {
    env: { ...env, APP_URL: `http://localhost:${port}` },
    stdio: "ignore",
  });
  try {
    const deadline = started + 30_000;
    while (performance.now() < deadline) {
      const status = await fetch(`http://localhost:${port}${urlPath}`, {
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 0,
      );
      // Any answer at all (a 401 to a signed-out visitor is one); a refused connection is none.
      if (status > 0) {
        if (status >= 500 && !(unavailableIsAnAnswer && status === 503))
          throw new Error(`${urlPath} answered ${status}`);
        return performance.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`${urlPath}: no answer within 30 s`);
  } finally {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A real redis-server, and a port that accepts connections and never answers. */
async function redises() {
  const upPort = await freePort();
  const server = await startRedis(upPort, { quiet: true });
  const sockets = new Set();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise((resolve) => silent.listen(0, "127.0.0.1", resolve));
  return {
    up: `redis://127.0.0.1:${upPort}`,
    silent: `redis://127.0.0.1:${silent.address().port}`,
    stop() {
      server.kill();
      for (const socket of sockets) socket.destroy();
      silent.close();
    },
  };
}
const redis = WITH_REDIS ? await redises() : null;

try {
  const bare = [];
  const barePage = [];
  const ours = Object.fromEntries(PATHS.map((p) => [p, []]));
  const redisRows = { up: [], silent: [] };
  for (let round = 0; round < RUNS; round++) {
    // Alternate which goes first, so neither always meets a warmer disk cache.
    const order = round % 2 === 0 ? ["bare", ...PATHS] : [...PATHS, "bare"];
    for (const what of order) {
      if (what === "bare") {
        bare.push(await firstAnswer(BARE, "/api/hello", process.env));
        barePage.push(await firstAnswer(BARE, "/", process.env));
      } else ours[what].push(await firstAnswer(ROOT, what, appEnv));
    }
    if (redis) {
      redisRows.up.push(await firstAnswer(ROOT, "/api/health", { ...appEnv, REDIS_URL: redis.up }));
      redisRows.silent.push(
        await firstAnswer(
          ROOT,
          "/api/health",
          { ...appEnv, REDIS_URL: redis.silent },
          { unavailableIsAnAnswer: true },
        ),
      );
    }
    process.stdout.write(".");
  }
  const base = median(bare);
  const basePage = median(barePage);
  console.log(
    `\n\n### bench:cold-start (${RUNS} runs each, medians, ${new Date().toISOString()})\n`,
  );
  console.log(
    "| server, first request | first answer | of the bare route's | of the bare page's |",
  );
  console.log("| --- | ---: | ---: | ---: |");
  console.log(`| bare Next.js, \`GET /api/hello\` | ${base.toFixed(0)} ms | 1.00 | |`);
  console.log(
    `| bare Next.js, \`GET /\` (a page) | ${basePage.toFixed(0)} ms | ${(basePage / base).toFixed(2)} | 1.00 |`,
  );
  for (const p of PATHS) {
    const value = median(ours[p]);
    const page = !p.startsWith("/api/");
    console.log(
      `| Auth Lab, \`GET ${p}\` | ${value.toFixed(0)} ms | ${(value / base).toFixed(2)} | ${page ? (value / basePage).toFixed(2) : ""} |`,
    );
  }
  if (redis)
    for (const [what, values] of [
      ["Redis up", redisRows.up],
      ["Redis silent (503)", redisRows.silent],
    ]) {
      const value = median(values);
      console.log(
        `| Auth Lab, \`GET /api/health\`, ${what} | ${value.toFixed(0)} ms | ${(value / base).toFixed(2)} | |`,
      );
    }
} finally {
  redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}
