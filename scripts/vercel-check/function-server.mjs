// Starts a built Vercel function the way Vercel would: its traced files laid out in a directory of
// their own (so nothing resolves to the project's node_modules), its handler served over HTTP on
// a free 127.0.0.1 port (serve-function.mjs), with only the environment a deployment gives it.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  lstatSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

const HARNESS = path.join(import.meta.dirname, "serve-function.mjs");

/** Copies the function's traced files (filePathMap) and its own files (the launcher) into `into`. */
export function layOut(fn, projectDir, into) {
  const place = (source, target) => {
    const destination = path.join(into, target);
    mkdirSync(path.dirname(destination), { recursive: true });
    // Next.js links serverExternalPackages from .next/node_modules; the link is traced as a link.
    if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), destination);
    else copyFileSync(source, destination);
  };
  for (const [target, source] of Object.entries(fn.config.filePathMap ?? {}))
    place(path.resolve(projectDir, source), target);
  for (const entry of readdirSync(fn.dir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory() || entry.name === ".vc-config.json") continue;
    const source = path.join(entry.parentPath, entry.name);
    place(source, path.relative(fn.dir, source));
  }
}

/**
 * Runs the laid-out function; resolves once it listens, with its address, its output so far and
 * stop(). Rejects if it exits or stays silent for `timeoutMs` first.
 */
export function startFunction(fn, dir, env, { timeoutMs = 60_000 } = {}) {
  const style = fn.config.useWebApi ? "web" : "node";
  const child = spawn(process.execPath, [HARNESS, dir, fn.config.handler, style], {
    cwd: dir,
    env: { ...env, ...fn.config.environment },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const log = [];
  const keep = (line) => log.push(line);
  createInterface({ input: child.stderr }).on("line", keep);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      void stop();
      reject(new Error(`${fn.name}: ${why}\n${log.slice(-20).join("\n")}`));
    };
    const timer = setTimeout(() => fail(`not listening after ${timeoutMs / 1000} s`), timeoutMs);
    void exited.then((how) => {
      clearTimeout(timer);
      fail(`exited (${how}) before listening`);
    });
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (first) => {
      clearTimeout(timer);
      const { port } = JSON.parse(first);
      lines.on("line", keep);
      const exitCode = () => child.exitCode ?? child.signalCode;
      resolve({ name: fn.name, origin: `http://127.0.0.1:${port}`, log, exitCode, stop });
    });
  });
}
