// `npx tsx --conditions=react-server scripts/bench-db-paths.ts`: the in-process cost of the ways a
// guard can read its row, on one throwaway SQLite file with the real migrations: Prisma ($queryRaw,
// findUnique) through the libSQL adapter and its per-process mutex, @libsql/client directly (it
// prepares every statement anew), and the `libsql` driver with a statement prepared once. Plus
// the JWT's signature check, with and without a key imported per call. A diagnosis tool for
// `npm run bench:http`, which found that the guards' rows cost a fraction on the libsql driver
// with a prepared statement (lib/sqlite-reads.ts, the app's path since) than through Prisma.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "./dev-secrets.mjs";
import { measure as measureWith } from "./measure";

const measure = (label: string, iterations: number, step: () => unknown) =>
  measureWith(label, iterations, step, 200);

const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-bench-db-"));
const file = path.join(dir, "bench.db");
Object.assign(process.env, generateSecrets(), { DATABASE_URL: `file:${file}` });
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
  stdio: "ignore",
  env: process.env,
});

const { getDb } = await import("@/lib/db");
const { createSession } = await import("@/lib/auth/session/store");
const { databaseSessions } = await import("@/lib/store/sessions/database");
const { issueTokenPair } = await import("@/lib/auth/jwt/lifecycle");
const { verifyAccessToken } = await import("@/lib/auth/jwt/access-token");
const { checkNotRevoked } = await import("@/lib/auth/jwt/revocation");
const { findOAuthSession } = await import("@/lib/auth/oauth/adapter");
const { hashToken } = await import("@/lib/auth/tokens");
const { getEnv } = await import("@/lib/env");
const { createClient } = await import("@libsql/client");
const jose = await import("jose");
// The driver @libsql/client itself uses (better-sqlite3's API), resolved through it.
const Database = createRequire(createRequire(import.meta.url).resolve("@libsql/client"))(
  "libsql",
) as new (path: string) => {
  prepare(sql: string): {
    get(...args: unknown[]): Record<string, unknown> | undefined;
    run(...args: unknown[]): unknown;
  };
  exec(sql: string): void;
  close(): void;
};

/** Throughput with `concurrency` callers at once, as under load: µs per call. */
async function concurrent(label: string, concurrency: number, total: number, step: () => unknown) {
  for (let i = 0; i < 200; i++) await step();
  let left = total;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await step();
    }),
  );
  const us = Number(process.hrtime.bigint() - started) / 1000 / total;
  console.log(`| ${label} | ${us.toFixed(1)} µs/call | |`);
}

const context = { ip: null, userAgent: null };
const user = await getDb().user.create({
  data: { email: "bench@authlab.test", name: "Bench" },
  select: { id: true, email: true, name: true, epoch: true },
});
const proof = { epoch: user.epoch, authTime: new Date(), method: "password" as const };
const { token } = await createSession(user, proof, context);
const sessionId = hashToken(token);
const pair = await issueTokenPair(user.id, proof, context);
const verified = await verifyAccessToken(pair.accessToken);
if (!verified.ok) throw new Error("the benchmark's own token does not verify");
const claims = verified.claims;
const oauthToken = randomBytes(32).toString("base64url");
await getDb().session.create({
  data: {
    sessionToken: hashToken(oauthToken),
    userId: user.id,
    expires: new Date(Date.now() + 7 * 86400_000),
    epoch: user.epoch,
    authTime: proof.authTime,
    authMethod: "google",
  },
});

const SESSION_SQL = `SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt",
       s."idleTimeoutSeconds", u."email", u."name"
FROM "CookieSession" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`;
const JWT_SQL = `SELECT u."id", u."email", u."name", u."epoch",
  EXISTS (SELECT 1 FROM "RevokedAccessToken" r WHERE r."jti" = ?) AS "denied",
  (SELECT f."revokedAt" IS NOT NULL FROM "RefreshFamily" f WHERE f."id" = ?) AS "familyRevoked"
FROM "User" u WHERE u."id" = ?`;
const OAUTH_SQL = `SELECT s."userId", s."expires", s."createdAt", u."id", u."email", u."emailVerified", u."name", u."image"
FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = ?`;

const client = createClient({ url: `file:${file}` });
await client.execute("PRAGMA busy_timeout = 5000");
const raw = new Database(file);
raw.prepare("PRAGMA busy_timeout = 5000").get();
raw.prepare("PRAGMA query_only = 1").run();
const sessionStmt = raw.prepare(SESSION_SQL);
const jwtStmt = raw.prepare(JWT_SQL);
const oauthStmt = raw.prepare(OAUTH_SQL);
const oauthHash = hashToken(oauthToken);

console.log("| step | median | p95 |\n| --- | --- | --- |");
await measure("session row: the app's path (lib/sqlite-reads.ts)", 3000, () =>
  databaseSessions.find(sessionId),
);
await measure("session row: Prisma $queryRaw JOIN (the path before)", 3000, () =>
  getDb().$queryRawUnsafe(SESSION_SQL, sessionId),
);
await measure("session row: Prisma findUnique + include user", 3000, () =>
  getDb().cookieSession.findUnique({ where: { id: sessionId }, include: { user: true } }),
);
await measure("session row: @libsql/client execute, own connection", 3000, () =>
  client.execute({ sql: SESSION_SQL, args: [sessionId] }),
);
await measure("session row: libsql prepared once, .get()", 3000, () => sessionStmt.get(sessionId));
await measure("jwt revocation: the app's path (lib/sqlite-reads.ts)", 3000, () =>
  checkNotRevoked(claims),
);
await measure("jwt revocation: Prisma $queryRaw (the path before)", 3000, () =>
  getDb().$queryRawUnsafe(JWT_SQL, claims.jti, claims.fam, claims.sub),
);
await measure("jwt revocation: libsql prepared once, .get()", 3000, () =>
  jwtStmt.get(claims.jti, claims.fam, claims.sub),
);
await measure("oauth session: the app's path (findOAuthSession)", 3000, () =>
  findOAuthSession(oauthToken),
);
await measure("oauth session: Prisma findUnique, select user (the path before)", 3000, () =>
  getDb().session.findUnique({
    where: { sessionToken: oauthHash },
    select: { userId: true, expires: true, user: { select: { id: true, email: true } } },
  }),
);
await measure("oauth session: libsql prepared once, .get()", 3000, () => oauthStmt.get(oauthHash));
await measure("Prisma $queryRawUnsafe('SELECT 1') (health)", 3000, () =>
  getDb().$queryRawUnsafe("SELECT 1"),
);
await measure("libsql prepared 'SELECT 1'", 3000, () => raw.prepare("SELECT 1").get());

await concurrent("session row, 20 concurrent: Prisma $queryRaw", 20, 20_000, () =>
  getDb().$queryRawUnsafe(SESSION_SQL, sessionId),
);
await concurrent("session row, 20 concurrent: libsql prepared", 20, 20_000, () =>
  sessionStmt.get(sessionId),
);

// The JWT: jose's ES256 verification with the key imported once (the app) or per call.
const jwk = getEnv().JWT_PRIVATE_KEYS[0]!;
const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid: jwk.kid, alg: "ES256" };
const key = await jose.importJWK(publicJwk, "ES256");
const options = {
  algorithms: ["ES256"],
  issuer: getEnv().APP_URL,
  audience: `${getEnv().APP_URL}/api`,
};
await measure("jwt: jose jwtVerify, key imported once", 3000, () =>
  jose.jwtVerify(pair.accessToken, key, options),
);
await measure("jwt: jose jwtVerify, key imported per call", 3000, async () =>
  jose.jwtVerify(pair.accessToken, await jose.importJWK(publicJwk, "ES256"), options),
);
await measure("jwt: the app's verifyAccessToken, a token it verified before", 3000, () =>
  verifyAccessToken(pair.accessToken),
);
const memo = new Map([[pair.accessToken, claims]]);
await measure("jwt: memoised signature (Map lookup + exp check)", 3000, () => {
  const hit = memo.get(pair.accessToken);
  return hit && hit.exp * 1000 > Date.now();
});
await measure("sha256 of a 43-char token", 3000, () =>
  createHash("sha256").update(oauthToken).digest("hex"),
);

client.close();
raw.close();
await getDb().$disconnect();
rmSync(dir, { recursive: true, force: true });
