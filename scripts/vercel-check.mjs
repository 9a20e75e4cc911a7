// `npm run vercel:check`: proves, offline, that the app deploys to Vercel as the README says.
// In a throwaway copy of the checkout it runs the pinned `vercel build` with a production-like
// environment (fresh secrets, Turso played by the libSQL protocol double, which the build command
// migrates, the demo on, no provider credentials), checks the functions it outputs (Node
// runtime, native binaries, the proxy), then starts the API, the pages and the proxy from their
// traced files alone against that database: health, a person signed in both ways, the demo, the
// provider page without and then with provider credentials; and a deployment missing
// SESSION_PASSWORDS must answer 503s naming it. Nothing is left behind: the copy, the database
// and everything started go.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startLibsqlDouble } from "./libsql-double.mjs";
import { vercelBuild } from "./vercel-check/build.mjs";
import {
  baseEnv,
  PRODUCTION_HOST,
  projectEnv,
  providerEnv,
  vercelSystemEnv,
} from "./vercel-check/deployment-env.mjs";
import { layOut, startFunction } from "./vercel-check/function-server.mjs";
import {
  functionFor,
  outputProblems,
  readFunctions,
  vercelNodeMajor,
} from "./vercel-check/output.mjs";
import {
  checkApi,
  checkDemo,
  checkPages,
  checkProviders,
  checkRefusal,
} from "./vercel-check/probes.mjs";
import { copyProject, linkProject } from "./vercel-check/workspace.mjs";

const BUILD_LIMIT_MS = 15 * 60_000;
const RUN_LIMIT_MS = 25 * 60_000;
const APP_URL = `https://${PRODUCTION_HOST}`;
// The functions started, by a route each serves, and the other routes the checks ask each for:
// Vercel groups routes into a few functions, and one started here answers only its own.
const SERVED = { api: "api/health", pages: "index", proxy: "_middleware" };
const ASKED = {
  api: [
    "api/register",
    "api/session/login",
    "api/session/me",
    "api/jwt/token",
    "api/jwt/me",
    "api/jwt/login",
    "api/cron/purge",
  ],
  pages: ["lab", "tour", "oauth/login"],
};
// Sign-in hashes (argon2) and reads the database (libSQL) in these, whatever the tracer thinks.
const NEEDS_NATIVE = ["api/register", "api/session/login", "api/jwt/token", "index"];

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const projectDir = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "auth-lab-vercel-check-"));
const appDir = path.join(work, "app");
const running = new Set();
let database;
const interrupt = new AbortController();

async function cleanUp() {
  await Promise.all([...running].map((fn) => fn.stop()));
  await database?.close();
  rmSync(work, { recursive: true, force: true });
}

/** `message` is given the run's duration, counted once the copy is removed. */
async function finish(code, message) {
  await cleanUp();
  console.log(`\n${message(elapsed())}`);
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interrupt.abort();
    void finish(130, (time) => `✖ vercel:check interrupted (${signal}) after ${time}`);
  });
}
setTimeout(() => {
  interrupt.abort();
  void finish(1, () => `✖ vercel:check took more than ${RUN_LIMIT_MS / 60_000} min: stopped`);
}, RUN_LIMIT_MS).unref();

const failures = [];

/** The id the build gave a server action (what a form without JavaScript posts back). */
function serverAction(dir, filename, exportedName) {
  const manifest = JSON.parse(
    readFileSync(path.join(dir, ".next", "server", "server-reference-manifest.json"), "utf8"),
  );
  const found = Object.entries(manifest.node).find(
    ([, action]) => action.filename === filename && action.exportedName === exportedName,
  );
  if (!found) throw new Error(`the build has no server action ${exportedName} in ${filename}`);
  return found[0];
}

async function step(name, check) {
  try {
    await check();
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`  ✖ ${name}\n      ${error.message.replaceAll("\n", "\n      ")}`);
  }
}

async function serve(functions, routes, env, into) {
  const served = {};
  for (const [role, route] of Object.entries(routes)) {
    const fn = functionFor(functions, route);
    if (!fn) throw new Error(`no function serves ${route}`);
    const elsewhere = (ASKED[role] ?? []).filter((other) => functionFor(functions, other) !== fn);
    if (elsewhere.length > 0)
      throw new Error(`${elsewhere.join(", ")} moved out of ${fn.name}: start their function too`);
    const dir = path.join(into, role);
    layOut(fn, appDir, dir);
    served[role] = await startFunction(fn, dir, env);
    running.add(served[role]);
  }
  return served;
}

/** Stops what `serve` started; after a failed check, shows what each function logged. */
async function stopAll(served, failuresBefore) {
  for (const fn of Object.values(served)) {
    if (failures.length > failuresBefore && fn.log.length > 0)
      console.log(`\n  ${fn.name} logged:\n    ${fn.log.slice(-15).join("\n    ")}`);
    await fn.stop();
    running.delete(fn);
  }
}

try {
  console.log(`▶ copying the project to ${appDir}`);
  await copyProject(projectDir, appDir, { signal: interrupt.signal });
  linkProject(appDir);

  // Turso, played by the libSQL protocol double (HTTP, as the client speaks to Turso): the build
  // command migrates it (vercel.json), and the functions use it as a deployment would.
  const dataDir = path.join(work, "data");
  mkdirSync(dataDir);
  database = await startLibsqlDouble({ file: path.join(dataDir, "turso.db") });
  const project = projectEnv(database.url);
  const base = baseEnv(projectDir);
  console.log(`\n▶ vercel build (${elapsed()})`);
  await vercelBuild(
    appDir,
    { ...base, ...vercelSystemEnv(), ...project },
    {
      timeoutMs: BUILD_LIMIT_MS,
      signal: interrupt.signal,
    },
  );

  console.log(`\n▶ checking .vercel/output (${elapsed()})`);
  const functions = readFunctions(path.join(appDir, ".vercel", "output"));
  const major = vercelNodeMajor(appDir);
  const problems = outputProblems(functions, {
    major,
    projectDir: appDir,
    needsNative: NEEDS_NATIVE,
  });
  for (const problem of problems) console.log(`  ✖ ${problem}`);
  if (problems.length > 0) throw new Error("the build output is not deployable");
  console.log(
    `  ✔ ${functions.length} functions on nodejs${major}.x (served below on Node ${process.version}), ` +
      "native binaries traced, the proxy built",
  );
  // The functions run on the major "engines" names; the tests should have run on it too.
  if (Number(process.versions.node.split(".")[0]) !== major)
    console.log(
      `  ! this machine runs Node ${process.version}, Vercel runs ${major}.x: .ci/run tests on ${major}.x`,
    );

  // A function gets the project's variables and Vercel's, nothing from this machine but PATH.
  const runtimeEnv = {
    PATH: process.env.PATH,
    LANG: "C.UTF-8",
    TZ: "UTC",
    ...vercelSystemEnv(),
    ...project,
  };
  const layouts = path.join(work, "functions");

  console.log(`\n▶ the functions, started from their traced files (${elapsed()})`);
  let before = failures.length;
  const served = await serve(functions, SERVED, runtimeEnv, path.join(layouts, "complete"));
  const words = {
    host: PRODUCTION_HOST,
    appUrl: APP_URL,
    cronSecret: project.CRON_SECRET,
    demoActionId: serverAction(appDir, "app/demo/actions.ts", "startAsDemoPerson"),
  };
  await checkApi(served.api, words, step);
  await checkPages(served.proxy, served.pages, words, step);
  await checkDemo(served, words, step);
  await checkProviders(served, { ...words, configured: false }, step);
  await stopAll(served, before);

  console.log(`\n▶ the pages with Google and GitHub credentials (${elapsed()})`);
  before = failures.length;
  const withProviders = await serve(
    functions,
    { pages: SERVED.pages, proxy: SERVED.proxy },
    { ...runtimeEnv, ...providerEnv() },
    path.join(layouts, "providers"),
  );
  await checkProviders(withProviders, { ...words, configured: true }, step);
  await stopAll(withProviders, before);

  const variable = "SESSION_PASSWORDS";
  console.log(`\n▶ the same functions without ${variable} (${elapsed()})`);
  const incomplete = { ...runtimeEnv };
  delete incomplete[variable];
  before = failures.length;
  const refused = await serve(
    functions,
    { api: SERVED.api, proxy: SERVED.proxy },
    incomplete,
    path.join(layouts, "incomplete"),
  );
  await checkRefusal(refused, { ...words, variable }, step);
  await step("the refusing functions are still running", async () => {
    const gone = Object.entries(refused).filter(([, fn]) => fn.exitCode() !== null);
    if (gone.length > 0) throw new Error(`exited: ${gone.map(([role]) => role).join(", ")}`);
  });
  await stopAll(refused, before);
} catch (error) {
  failures.push(error.message);
  console.log(`\n✖ ${error.message}`);
}

await finish(failures.length === 0 ? 0 : 1, (time) =>
  failures.length === 0
    ? `✔ vercel:check passed in ${time}`
    : `✖ vercel:check failed in ${time}: ${failures.length} problem(s) above`,
);
