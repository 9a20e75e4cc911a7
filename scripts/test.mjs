// `npm test`: everything CI checks, in order, stopping at the first failure, then how long each
// phase took (the README's timing row comes from this table).
import { bin, run } from "./run.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

const steps = [
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  ["format", bin("prettier"), ["--check", "--log-level", "warn", "."]],
  // Unused files, exports and dependencies (knip.json says where the entry points are).
  ["dead code", bin("knip"), ["--reporter", "compact"]],
  ["unit tests", bin("vitest"), ["run"]],
  ["build", bin("next"), ["build"]],
  ["end-to-end tests", bin("playwright"), ["test"]],
  // The app as Vercel builds and runs it: the pinned CLI offline, in a throwaway copy.
  ["vercel build gate", "npm", ["run", "--silent", "vercel:check"]],
];

const timings = [];
const seconds = (ms) => `${(ms / 1000).toFixed(0).padStart(5)} s`;

function report(outcome) {
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  console.log("\nphase              time");
  for (const [name, ms, status] of timings)
    console.log(`${name.padEnd(18)}${seconds(ms)}${status === "failed" ? "  (failed)" : ""}`);
  console.log(`${"total".padEnd(18)}${seconds(total)}`);
  console.log(`\n${outcome}`);
}

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  try {
    await run(command, args);
    timings.push([name, Date.now() - started, "passed"]);
  } catch (error) {
    timings.push([name, Date.now() - started, "failed"]);
    report(`✖ ${name} failed: ${error.message}`);
    process.exit(1);
  }
}
report("✔ all checks passed");
