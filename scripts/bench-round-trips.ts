// `npm run bench:round-trips`: what a sign-in and a guarded request cost on a network database
// (Turso in a deployment): database round trips and latency, with DATABASE_URL pointing at the
// libSQL double (scripts/libsql-double.mjs) and a fixed delay per round trip. In process: each
// request is the functions its route handler calls for the database, argon2id included. Left out:
// the cookies a route reads and sets (no database work, and they need a request), HTTP and the
// route wrapper, and a cold process (the first call of each row, which connects and probes the
// protocol, is not counted). The double counts every HTTP request it answers; calls run one at a
// time, so the count around one is its own. lib/auth/sign-in-round-trips.test.ts asserts the counts.
//   npm run bench:round-trips -- [--delay 20] [--iterations 15]
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generateSecrets } from "./dev-secrets.mjs";
import { startLibsqlDouble } from "./libsql-double.mjs";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number >= 0`);
  return value;
}
const DELAY_MS = option("delay", 20);
const ITERATIONS = Math.max(1, Math.round(option("iterations", 15)));

const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-round-trips-"));
const double = await startLibsqlDouble({ file: path.join(dir, "network.db"), delayMs: DELAY_MS });
Object.assign(process.env, generateSecrets(), { DATABASE_URL: double.url });
delete process.env.REDIS_URL; // the database carries everything: sessions, throttling, the denylist
// Asynchronous: the double answers from this very process.
await promisify(execFile)("node_modules/.bin/prisma", ["migrate", "deploy"], { env: process.env });

// After DATABASE_URL is set: the app's modules read it when they load.
const [{ getDb }, credentials, { checkCredentials }, store, devices, jwt, oauth, tokens] =
  await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/credentials"),
    import("@/lib/auth/sign-in"),
    import("@/lib/auth/session/store"),
    import("@/lib/auth/device"),
    Promise.all([import("@/lib/auth/jwt/lifecycle"), import("@/lib/auth/jwt/guard")]),
    Promise.all([import("@/lib/auth/oauth/sessions"), import("./bench-seed")]),
    import("@/lib/auth/tokens"),
  ]);
const { hashPassword, verifyPassword } = credentials;
const { createSession, endSession, validateSessionToken } = store;
const { rememberDevice, trustNewDevice } = devices;
const [{ issueTokenPair }, { authenticateJwt }] = jwt;
const [{ authenticateOAuthSession }, { seedOAuthSession }] = oauth;
const { hashToken, generateToken } = tokens;

const context = { ip: "192.0.2.80", userAgent: "bench:round-trips" };
const password = `round trips ${randomUUID()}`;
const email = `round-trips-${randomUUID()}@bench.authlab.test`;
const passwordHash = await hashPassword(password);
const person = await getDb().user.create({
  data: { email, name: "Round Trips", passwordHash },
  select: { id: true, email: true, name: true, epoch: true },
});
const login = { email, password };

async function signIn(strategy: "session" | "jwt", device: string | null) {
  const result = await checkCredentials(login, strategy, context, undefined, device);
  if (!result.ok) throw new Error(`the benchmark's own sign-in failed: ${result.reason}`);
  return result;
}

// A browser that signed in here before: its device is trusted (lib/auth/device.ts). Its row is
// made as rememberDevice makes one; the cookie that carries the token is a request's business.
const deviceToken = generateToken();
await getDb().trustedDevice.create({
  data: { id: hashToken(deviceToken), userId: person.id, epoch: person.epoch },
});

const proof = { epoch: person.epoch, authTime: new Date(), method: "password" as const };
const { token: sessionToken } = await createSession(person, proof, context);
const pair = await issueTokenPair(person.id, proof, context);
const oauthToken = await seedOAuthSession(person, proof.authTime);

// The session cookie a browser still holds, made before the clock starts.
let oldSession = "";

const scenarios: {
  label: string;
  /** Untimed and uncounted, before each call. */
  before?: () => Promise<void>;
  run: () => Promise<unknown>;
}[] = [
  {
    // app/api/session/login: checkCredentials, rememberDevice, startSession (createSession)
    label: "password sign-in, session (a trusted browser)",
    run: async () => {
      const result = await signIn("session", deviceToken);
      await rememberDevice(result.user, result.trustedDevice, context);
      await createSession(result.user, result.user.provenance, context);
    },
  },
  {
    // The same browser still holding a session cookie (its session ended or expired, or signing in
    // again): startSession ends that session first (signOutSession: endSession).
    label: "password sign-in, session (a trusted browser holding an old session cookie)",
    before: async () => {
      oldSession = (await createSession(person, proof, context)).token;
    },
    run: async () => {
      const result = await signIn("session", deviceToken);
      await rememberDevice(result.user, result.trustedDevice, context);
      await endSession(hashToken(oldSession), { type: "logout", context });
      await createSession(result.user, result.user.provenance, context);
    },
  },
  {
    // The same route from a browser without a device cookie: rememberDevice makes a new device
    // (trustNewDevice, then the cookie). After ten calls the person is at the cap, so each one
    // also evicts the least recently used device (the trusted browser's above among them).
    label: "password sign-in, session (a new browser)",
    run: async () => {
      const result = await signIn("session", null);
      await trustNewDevice(result.user, context);
      await createSession(result.user, result.user.provenance, context);
    },
  },
  {
    // app/api/jwt/token: checkCredentials (an API client sends no device cookie), issueTokenPair
    label: "password sign-in, JWT (`POST /api/jwt/token`)",
    run: async () => {
      const result = await signIn("jwt", null);
      await issueTokenPair(result.user.id, result.user.provenance, context);
    },
  },
  {
    // What the sign-ins above spend on argon2id, with no database: the rest is round trips.
    label: "argon2id verification alone (no database)",
    run: async () => {
      if (!(await verifyPassword(passwordHash, password))) throw new Error("wrong password");
    },
  },
  {
    label: "guard, session (the store's read)",
    run: async () => {
      if (!(await validateSessionToken(sessionToken)).session) throw new Error("no session");
    },
  },
  {
    label: "guard, JWT checked",
    run: async () => {
      const result = await authenticateJwt({ bearer: pair.accessToken }, undefined, "checked");
      if (!result.ok) throw new Error("the access token was refused");
    },
  },
  {
    label: "guard, OAuth database session",
    run: async () => {
      if (!(await authenticateOAuthSession(oauthToken))?.user) throw new Error("no OAuth session");
    },
  },
];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: string[][] = [];
for (const scenario of scenarios) {
  const trips: number[] = [];
  const millis: number[] = [];
  for (let i = 0; i <= ITERATIONS; i++) {
    await scenario.before?.();
    const before = double.roundTrips();
    const started = performance.now();
    await scenario.run();
    const elapsed = performance.now() - started;
    if (i === 0) continue; // the first of each warms up what it loads
    trips.push(double.roundTrips() - before);
    millis.push(elapsed);
  }
  const [fewest, most] = [Math.min(...trips), Math.max(...trips)];
  rows.push([
    scenario.label,
    fewest === most ? String(fewest) : `${fewest}-${most}`,
    `${Math.round(median(millis))} ms`,
  ]);
}

console.log(
  `\n${ITERATIONS} calls each, one at a time, ${DELAY_MS} ms per database round trip (Node ${process.version}):\n`,
);
console.log("| request | database round trips | p50 |\n| --- | ---: | ---: |");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);

await getDb().$disconnect();
await double.close();
rmSync(dir, { recursive: true, force: true });
