// Starts the production build for the end-to-end tests: a fresh SQLite file, freshly generated
// secrets, the real migrations, `npm start`'s server (scripts/start.mjs). Extra variables come as NAME=value arguments
// (e.g. short session lifetimes for the expiry specs).
//   node scripts/e2e-server.mjs 3100 SESSION_IDLE_TIMEOUT_SECONDS=3
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "./dev-secrets.mjs";
import { bin, run } from "./run.mjs";

const [port = "3100", ...assignments] = process.argv.slice(2);
const dir = mkdtempSync(path.join(tmpdir(), `auth-lab-e2e-${port}-`));
const env = {
  ...process.env,
  ...generateSecrets(),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: `http://localhost:${port}`,
  DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
  ...Object.fromEntries(assignments.map((pair) => pair.split(/=(.*)/s).slice(0, 2))),
};

const cleanUp = () => rmSync(dir, { recursive: true, force: true });
await run(bin("prisma"), ["migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });

const start = path.join(import.meta.dirname, "start.mjs");
const server = spawn(process.execPath, [start, "--port", port, "--hostname", "localhost"], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
