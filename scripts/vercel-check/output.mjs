// Reads `vercel build`'s output (.vercel/output, Build Output API v3) and checks what a deployment
// needs from it before anything runs: each function's runtime, its native binaries, the proxy.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";

/**
 * Every function directory under functions/, with the route names that point at it: Vercel
 * groups routes into a few real functions and links the others to them.
 */
export function readFunctions(outputDir) {
  const root = path.join(outputDir, "functions");
  const byDir = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name.endsWith(".func")) {
        const real = realpathSync(full);
        const route = path.relative(root, full).slice(0, -".func".length);
        const fn = byDir.get(real) ?? { dir: real, routes: [], config: readConfig(real) };
        fn.routes.push(route);
        byDir.set(real, fn);
      } else if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  for (const fn of byDir.values()) fn.name = path.relative(root, fn.dir).slice(0, -".func".length);
  return [...byDir.values()];
}

function readConfig(funcDir) {
  const file = path.join(funcDir, ".vc-config.json");
  if (!existsSync(file)) throw new Error(`${funcDir} has no .vc-config.json`);
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The function that serves `route` (e.g. "api/health", "index"), or undefined. */
export const functionFor = (functions, route) => functions.find((fn) => fn.routes.includes(route));

/**
 * The Node.js major Vercel runs the functions on: the newest one package.json's "engines" names
 * ("20.x || 24.x" → 24). An open range (">=20") is refused: Vercel would move it to every new
 * major as it comes, untested.
 */
export function vercelNodeMajor(projectDir) {
  const { engines } = JSON.parse(readFileSync(path.join(projectDir, "package.json"), "utf8"));
  const range = engines?.node;
  if (!range)
    throw new Error('package.json has no "engines": { "node": … } for Vercel to pick from.');
  const majors = range
    .split("||")
    .map((part) => /^\s*[\^~]?v?(\d+)(\.[\dx*]+)*\s*$/.exec(part)?.[1]);
  if (majors.some((major) => major === undefined))
    throw new Error(
      `package.json's engines.node "${range}" is open-ended: name the majors (e.g. "20.x || 24.x") so Vercel doesn't pick an untested one.`,
    );
  return Math.max(...majors.map(Number));
}

// A module that loads one of these needs that file beside it on Vercel's x64 Linux (glibc).
const NATIVE = [
  {
    name: "libsql",
    loader: "node_modules/libsql/index.js",
    binary: "node_modules/@libsql/linux-x64-gnu/index.node",
  },
  {
    name: "@node-rs/argon2",
    loader: "node_modules/@node-rs/argon2/index.js",
    binary: "node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node",
  },
];

/** The problems with the build output, each a sentence; empty when it is deployable. */
export function outputProblems(functions, { major, projectDir, needsNative }) {
  const problems = [];
  const runtime = `nodejs${major}.x`;
  for (const fn of functions) {
    const { runtime: actual, handler, filePathMap = {} } = fn.config;
    if (actual !== runtime)
      problems.push(`${fn.name}: runtime is ${actual ?? "missing"}, expected ${runtime}.`);
    if (!handler || !existsSync(path.join(fn.dir, handler)))
      problems.push(`${fn.name}: its handler ${handler ?? "(none)"} is not in the function.`);
    const traced = new Set(Object.keys(filePathMap));
    for (const { name, loader, binary } of NATIVE) {
      if (traced.has(loader) && !traced.has(binary))
        problems.push(`${fn.name}: loads ${name} but doesn't carry ${binary}.`);
    }
    for (const [target, source] of Object.entries(filePathMap)) {
      if (!lstatSync(path.resolve(projectDir, source), { throwIfNoEntry: false }))
        problems.push(`${fn.name}: traced file ${source} (for ${target}) does not exist.`);
    }
  }
  // Routes that must carry both binaries whatever the tracer decides: sign-in hashes and reads.
  for (const route of needsNative) {
    const fn = functionFor(functions, route);
    if (!fn) {
      problems.push(`no function serves ${route}.`);
      continue;
    }
    const traced = new Set(Object.keys(fn.config.filePathMap ?? {}));
    for (const { name, binary } of NATIVE)
      if (!traced.has(binary))
        problems.push(`${route} (${fn.name}): ${name}'s ${binary} is missing.`);
  }
  const proxy = functionFor(functions, "_middleware");
  if (!proxy) problems.push("proxy.ts was not built: there is no _middleware function.");
  else if (!proxy.config.handler) problems.push("_middleware has no handler.");
  return problems;
}
