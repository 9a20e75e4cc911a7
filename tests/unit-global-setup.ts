// Unit tests run against a real, throwaway SQLite file with the real migrations applied, and a
// real redis-server on a free loopback port (the Redis stores are tested against it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "../scripts/dev-secrets.mjs";
import { freePort, startRedis } from "../scripts/redis-server.mjs";

export default async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-unit-"));
  const redisPort = await freePort();
  const redis = await startRedis(redisPort);
  Object.assign(process.env, generateSecrets(), {
    NODE_ENV: "test",
    DATABASE_URL: `file:${path.join(dir, "unit.db")}`,
    // Not REDIS_URL: the app's stores stay on the database unless a test asks for Redis.
    TEST_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    stdio: "pipe",
    env: process.env,
  });
  return () => {
    redis.kill();
    rmSync(dir, { recursive: true, force: true });
  };
}
