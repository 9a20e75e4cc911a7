// `npm test`: everything CI checks, in order, stopping at the first failure.
import { bin, run } from "./run.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

const steps = [
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  ["format", bin("prettier"), ["--check", "--log-level", "warn", "."]],
  ["unit tests", bin("vitest"), ["run"]],
  ["build", bin("next"), ["build"]],
  ["end-to-end tests", bin("playwright"), ["test"]],
];

const started = Date.now();
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  try {
    await run(command, args);
  } catch (error) {
    console.error(`\n✖ ${name} failed: ${error.message}`);
    process.exit(1);
  }
}
console.log(`\n✔ all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
