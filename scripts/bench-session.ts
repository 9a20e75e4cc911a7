// `npm run bench:session`: what the session guard costs per request, step by step, measured
// in-process against a throwaway SQLite file with the real migrations.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "./dev-secrets.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-bench-"));
Object.assign(process.env, generateSecrets(), {
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
});
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
  stdio: "ignore",
  env: process.env,
});

const { getDb } = await import("@/lib/db");
const { sealToken, unsealToken } = await import("@/lib/auth/session/seal");
const { createSession, validateSessionToken } = await import("@/lib/auth/session/store");
const { unsealData } = await import("iron-session");
const { sealPasswords } = await import("@/lib/auth/session/config");

async function measure(label: string, iterations: number, step: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await step(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await step(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`| ${label} | ${at(0.5)} µs | ${at(0.95)} µs |`);
}

const user = await getDb().user.create({
  data: { email: "bench@authlab.test" },
  select: { id: true },
});
const { token } = await createSession(user.id, { ip: null, userAgent: null });
const seal = await sealToken(token);

console.log(`session cookie: ${seal.length} bytes\n`);
console.log("| step | median | p95 |\n| --- | --- | --- |");
await measure("unseal the cookie, no cache (PBKDF2 + HMAC + AES)", 500, () =>
  unsealData(seal, { password: sealPasswords() }),
);
await measure("unseal the cookie, memoised", 5000, () => unsealToken(seal));
await measure("look up session + user (one query)", 2000, () => validateSessionToken(token));
await measure("whole guard after the first request", 2000, async () =>
  validateSessionToken((await unsealToken(seal))!),
);

await getDb().$disconnect();
rmSync(dir, { recursive: true, force: true });
