import { execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "../scripts/dev-secrets.mjs";
import { expect, test } from "./fixtures";

// `NODE_ENV=production next start` with a setting production must not fall back on: the server
// exits at start with a sentence naming what to fix, and never serves a request.

type Outcome = { code: number | null; output: string };

function startWith(
  env: Record<string, string | undefined>,
  port: number,
  server: "npm start" | "next start" = "npm start",
): Promise<Outcome> {
  return new Promise((resolve) => {
    const [command, ...args] =
      server === "npm start"
        ? [process.execPath, "scripts/start.mjs"]
        : ["node_modules/.bin/next", "start"];
    const child = spawn(command!, [...args, "--port", String(port)], {
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
    CLIENT_IP_SOURCE: "proxy",
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
      [
        "no word on client addresses",
        { CLIENT_IP_SOURCE: undefined },
        /CLIENT_IP_SOURCE is missing/,
      ],
    ];
    const outcomes = await Promise.all([
      ...cases.map(([, change], i) => startWith({ ...base, ...change }, 3190 + i)),
      // Directly exposed, but behind `next start`, which passes a client's X-Forwarded-For on.
      startWith({ ...base, CLIENT_IP_SOURCE: "socket" }, 3199, "next start"),
    ]);
    cases.push([
      "socket addresses under next start",
      {},
      /CLIENT_IP_SOURCE=socket needs `npm start`/,
    ]);
    cases.forEach(([what, , message], i) => {
      expect(outcomes[i]?.code, what).not.toBe(0);
      expect(outcomes[i]?.output, what).toMatch(message);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("exposed directly, a client-written X-Forwarded-For never picks the throttling bucket", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-socket-"));
  const port = 3198;
  const env = {
    PATH: process.env.PATH,
    ...generateSecrets(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: `http://localhost:${port}`,
    OAUTH_ALLOW_LOCAL_IDP: "true",
    DATABASE_URL: `file:${path.join(dir, "socket.db")}`,
    CLIENT_IP_SOURCE: "socket",
    REGISTRATION_LIMIT_PER_IP: "2",
  };
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: env as NodeJS.ProcessEnv,
    stdio: "ignore",
  });
  const child = spawn(process.execPath, ["scripts/start.mjs", "--port", String(port)], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const base = `http://localhost:${port}`;
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        {
          message: "the server to come up",
          intervals: [250, 500],
        },
      )
      .toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/api/register`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          // A new made-up address each time: behind no proxy, it is the client's own word.
          "x-forwarded-for": `203.0.113.${i + 1}`,
          "x-auth-lab-socket-address": `198.51.100.${i + 1}`,
        },
        body: JSON.stringify({
          name: "Socket Person",
          email: `socket-${i}-${Date.now()}@example.test`,
          password: "a long enough passphrase here",
        }),
      });
      statuses.push(response.status);
    }
    // Every request came from this one connection's address, so the third is over the limit.
    expect(statuses).toEqual([201, 201, 429]);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
