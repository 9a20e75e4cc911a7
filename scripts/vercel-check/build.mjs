// Runs the pinned `vercel build` in the copy, offline: the CLI neither logs in nor checks for
// updates, npm installs from what is already there, and nobody's telemetry is sent.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Runs a command in a process group of its own, so that a timeout or Ctrl-C ends everything it
 * started (npm, next build and its workers), not just the command itself.
 */
function runGroup(command, args, { label, cwd, env, timeoutMs, signal }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    let why;
    const timer = setTimeout(() => {
      why = `timed out after ${timeoutMs / 1000} s`;
      killGroup();
    }, timeoutMs);
    const onAbort = () => {
      why = "interrupted";
      killGroup();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", reject);
    child.on("exit", (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // Whatever it left running in its group (a stray worker) goes with it.
      killGroup();
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${label}: ${why ?? `failed (${exitSignal ?? `exit ${code}`}): its output is above`}`,
          ),
        );
    });
  });
}

const require = createRequire(import.meta.url);

/** The pinned CLI (package.json's devDependency) as installed in the copy. */
function vercelCli(appDir) {
  const manifest = require.resolve("vercel/package.json", { paths: [appDir] });
  return path.join(path.dirname(manifest), "dist", "vc.js");
}

export function vercelBuild(appDir, env, { timeoutMs, signal }) {
  return runGroup(process.execPath, [vercelCli(appDir), "build", "--prod", "--yes"], {
    label: "vercel build --prod --yes",
    cwd: appDir,
    timeoutMs,
    signal,
    env: {
      ...env,
      VERCEL_TELEMETRY_DISABLED: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      NO_UPDATE_NOTIFIER: "1",
      // The build installs dependencies first: from node_modules as copied, never the registry.
      npm_config_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    },
  });
}
