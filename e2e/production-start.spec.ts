import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "../scripts/dev-secrets.mjs";
import { expect, test } from "./fixtures";

// `NODE_ENV=production next start` with a setting production must not fall back on: the server
// exits at start with a sentence naming what to fix, and never serves a request.

type Outcome = { code: number | null; output: string };

function startWith(env: Record<string, string | undefined>, port: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/next", ["start", "--port", String(port)], {
      env: { ...(env as NodeJS.ProcessEnv) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    // A server that comes up instead of exiting is stopped by the test's own timeout.
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A P-256 key whose `d` belongs to another key pair: the right shape, useless for signing. */
function mismatchedKey() {
  const [one, two] = [0, 1].map(
    () =>
      generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
        format: "jwk",
      }) as Record<string, string>,
  );
  return JSON.stringify([{ ...one, d: two?.d, kid: "mismatched" }]);
}

test("production refuses to start on missing or unsafe settings, naming each", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-start-"));
  const base = {
    PATH: process.env.PATH,
    ...generateSecrets(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: "http://localhost:3190",
    OAUTH_ALLOW_LOCAL_IDP: "true",
    // A database with no migrations applied (the file is created empty).
    DATABASE_URL: `file:${path.join(dir, "empty.db")}`,
  };
  try {
    const cases: [string, Record<string, string | undefined>, RegExp][] = [
      ["no APP_URL", { APP_URL: undefined }, /APP_URL is missing/],
      [
        "no provider credentials, no opt-in",
        { OAUTH_ALLOW_LOCAL_IDP: undefined },
        /AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET are missing.*OAUTH_ALLOW_LOCAL_IDP=true/,
      ],
      [
        "a placeholder secret",
        { AUTH_SECRET: "replace-with-32-or-more-random-characters" },
        /AUTH_SECRET is a placeholder/,
      ],
      [
        "a key that can't sign",
        { JWT_PRIVATE_KEYS: mismatchedKey() },
        /JWT_PRIVATE_KEYS is invalid/,
      ],
      [
        "a database without its migrations",
        {},
        /has not applied \d+ migration\(s\).*npm run db:migrate/,
      ],
    ];
    const outcomes = await Promise.all(
      cases.map(([, change], i) => startWith({ ...base, ...change }, 3190 + i)),
    );
    cases.forEach(([what, , message], i) => {
      expect(outcomes[i]?.code, what).not.toBe(0);
      expect(outcomes[i]?.output, what).toMatch(message);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
