import { execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "../scripts/dev-secrets.mjs";
import { expect, test } from "./fixtures";

// `NODE_ENV=production` with a setting production must not fall back on: the server never crashes
// (on Vercel a crash is every visitor's FUNCTION_INVOCATION_FAILED) and never serves the app
// either: every page answers a 503 page, and every API a 503 in the standard JSON shape, with the
// sentence naming what to fix.

type Server = {
  answers: (path: string) => Promise<{ status: number; text: string }>;
  /** Settles when the server says it listens (or rejects when it exits first). */
  listening: Promise<void>;
  stop: () => void;
};

function startWith(
  env: Record<string, string | undefined>,
  port: number,
  server: "npm start" | "next start" = "npm start",
): Server {
  const [command, ...args] =
    server === "npm start"
      ? [process.execPath, "scripts/start.mjs"]
      : ["node_modules/.bin/next", "start"];
  const child = spawn(command!, [...args, "--port", String(port)], {
    env: { ...(env as NodeJS.ProcessEnv) },
    stdio: ["ignore", "pipe", "ignore"],
  });
  // What each prints once its socket listens: scripts/start.mjs, and next start.
  const listening = new Promise<void>((resolve, reject) => {
    let tail = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-500);
      if (/Auth Lab on http|Ready in/.test(tail)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return {
    listening,
    answers: (urlPath) =>
      fetch(`http://localhost:${port}${urlPath}`).then(
        async (response) => ({ status: response.status, text: await response.text() }),
        () => ({ status: 0, text: "" }),
      ),
    stop: () => child.kill(),
  };
}

/** A production environment on a fresh, migrated database in `dir`, with `settings` on top. */
function migratedProduction(dir: string, port: number, settings: Record<string, string>) {
  const env = {
    PATH: process.env.PATH,
    ...generateSecrets(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    ...settings,
  };
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: env as NodeJS.ProcessEnv,
    stdio: "ignore",
  });
  return env;
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

test("production answers 503 pages naming each missing or unsafe setting, never a crash", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-start-"));
  const base = {
    PATH: process.env.PATH,
    ...generateSecrets(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: "http://localhost:3190",
    // A database with no migrations applied (the file is created empty).
    DATABASE_URL: `file:${path.join(dir, "empty.db")}`,
    CLIENT_IP_SOURCE: "proxy",
  };
  // Four servers: values that are unsafe, settings production won't fall back on (each sentence
  // is listed), a database without its migrations (found after start, in the background), and
  // `next start` where the socket address is needed. (lib/env.test.ts checks each rule alone.)
  const cases: [string, Record<string, string | undefined>, RegExp[]][] = [
    [
      "unsafe values",
      {
        AUTH_SECRET: "replace-with-32-or-more-random-characters",
        JWT_PRIVATE_KEYS: mismatchedKey(),
      },
      [
        /AUTH_SECRET is a placeholder/,
        /JWT_PRIVATE_KEYS is invalid: d is not the private key of x and y/,
      ],
    ],
    [
      "what production won't fall back on",
      { APP_URL: undefined, AUTH_GITHUB_ID: "github-client", CLIENT_IP_SOURCE: undefined },
      [
        /APP_URL is missing/,
        /AUTH_GITHUB_ID and AUTH_GITHUB_SECRET go together/,
        /CLIENT_IP_SOURCE is missing/,
      ],
    ],
    [
      "a database without its migrations",
      {},
      [/has not applied \d+ migration\(s\).*npm run db:migrate/],
    ],
  ];
  const servers = cases.map(([, change], i) => startWith({ ...base, ...change }, 3190 + i));
  // Directly exposed, but behind `next start`, which passes a client's X-Forwarded-For on.
  servers.push(
    startWith({ ...base, CLIENT_IP_SOURCE: "socket" }, 3190 + cases.length, "next start"),
  );
  cases.push([
    "socket addresses under next start",
    {},
    [/CLIENT_IP_SOURCE=socket needs `npm start`/],
  ]);
  try {
    await Promise.all(
      cases.map(async ([what, , sentences], i) => {
        const server = servers[i]!;
        // Until the server is up (a cold production start on a busy machine), and the migrations
        // are checked in the background once it is: wait for the 503.
        await expect
          .poll(async () => (await server.answers("/api/health")).status, {
            message: what,
            timeout: 30_000,
          })
          .toBe(503);
        const api = await server.answers("/api/health");
        expect(JSON.parse(api.text).error.code, what).toBe("unavailable");
        const page = await server.answers("/");
        expect(page.status, what).toBe(503);
        const shown = page.text.replace(/&#(\d+);/g, (_, code) =>
          String.fromCharCode(Number(code)),
        );
        for (const sentence of sentences) {
          expect(JSON.parse(api.text).error.message, what).toMatch(sentence);
          expect(shown, what).toMatch(sentence);
        }
      }),
    );
  } finally {
    for (const server of servers) server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("exposed directly, a client-written X-Forwarded-For never picks the throttling bucket, and with no provider credentials OAuth says it is off", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-socket-"));
  const port = 3198;
  // No provider credentials and no local stand-in: OAuth is off, and the app says so.
  const env = migratedProduction(dir, port, {
    CLIENT_IP_SOURCE: "socket",
    REGISTRATION_LIMIT_PER_IP: "2",
  });
  const server = startWith(env, port);
  try {
    const base = `http://localhost:${port}`;
    await server.listening;
    expect((await server.answers("/api/health")).status).toBe(200);
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
    const oauth = await fetch(`${base}/oauth/login`);
    expect(oauth.status).toBe(200);
    expect(await oauth.text()).toContain("not configured on this deployment");
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("with the local provider allowed but not running, the sign-in page and the provider experiments say so", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-no-idp-"));
  const port = 3197;
  const env = migratedProduction(dir, port, {
    CLIENT_IP_SOURCE: "proxy",
    OAUTH_ALLOW_LOCAL_IDP: "true",
    // Nothing listens there.
    OAUTH_LOCAL_IDP_URL: "http://127.0.0.1:9",
  });
  const server = startWith(env, port);
  try {
    await server.listening;
    expect((await server.answers("/api/health")).status).toBe(200);
    // What a failed "Continue with Google" comes back to.
    const page = await server.answers("/oauth/login?error=Configuration");
    expect(page.text).toContain('data-testid="idp-unreachable"');
    expect(page.text).toContain("npm run idp");
    const proof = await fetch(`http://localhost:${port}/api/interview/prove/id-token`, {
      method: "POST",
      headers: { origin: `http://localhost:${port}` },
    });
    expect(proof.status).toBe(200);
    const { verdict } = (await proof.json()) as { verdict: { outcome: string; reason: string } };
    expect(verdict.outcome).toBe("nothing-to-try");
    expect(verdict.reason).toContain("npm run idp");
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
