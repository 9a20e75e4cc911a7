// Unit tests run against a real, throwaway SQLite file with the real migrations applied.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "../scripts/dev-secrets.mjs";

export default function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-unit-"));
  Object.assign(process.env, generateSecrets(), {
    NODE_ENV: "test",
    DATABASE_URL: `file:${path.join(dir, "unit.db")}`,
  });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    stdio: "pipe",
    env: process.env,
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
