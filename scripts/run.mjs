// Tiny helpers for the project's scripts: run a command, fail loudly with its name.
import { spawn } from "node:child_process";

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", shell: false, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(new Error(`${[command, ...args].join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Runs a command with its output kept: printed only if it fails (its error carries the tail). */
export function runQuietly(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${[command, ...args].join(" ")} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`,
          ),
        );
    });
  });
}

export const bin = (name) => `node_modules/.bin/${name}`;
