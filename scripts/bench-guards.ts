// `npm run bench`: what each strategy's guard costs per request, step by step, measured
// in-process against a throwaway SQLite file with the real migrations.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "./dev-secrets.mjs";
import { measure } from "./measure";

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
const { sealPasswords } = await import("@/lib/auth/session/config");
const { createSession, validateSessionToken } = await import("@/lib/auth/session/store");
const { issueTokenPair } = await import("@/lib/auth/jwt/lifecycle");
const { verifyAccessToken, verifyAccessTokenFromScratch } =
  await import("@/lib/auth/jwt/access-token");
const { seedOAuthSession } = await import("./bench-seed");
const { authenticateOAuthSession } = await import("@/lib/auth/oauth/sessions");
const { checkNotRevoked } = await import("@/lib/auth/jwt/revocation");
const { authenticateJwt } = await import("@/lib/auth/jwt/guard");
const { unsealData } = await import("iron-session");
const { preparePasskeyCheck } = await import("@/lib/lab/passkey-cost");

const context = { ip: null, userAgent: null };
const user = await getDb().user.create({
  data: { email: "bench@authlab.test" },
  select: { id: true, email: true, name: true, epoch: true },
});
const proof = { epoch: user.epoch, authTime: new Date(), method: "password" as const };
const { token } = await createSession(user, proof, context);
const seal = await sealToken(token);
const pair = await issueTokenPair(user.id, proof, context);
const verified = await verifyAccessToken(pair.accessToken);
if (!verified.ok) throw new Error("the benchmark's own token does not verify");

console.log(
  `session cookie: ${seal.length} bytes; access token: ${pair.accessToken.length} bytes\n`,
);
console.log("| step | median | p95 |\n| --- | --- | --- |");
await measure("session: unseal the cookie, no cache (PBKDF2 + HMAC + AES)", 500, () =>
  unsealData(seal, { password: sealPasswords() }),
);
await measure("session: unseal the cookie, memoised", 5000, () => unsealToken(seal));
await measure("session: look up session + user (one query)", 2000, () =>
  validateSessionToken(token),
);
await measure("session: whole guard, warm", 2000, async () =>
  validateSessionToken((await unsealToken(seal))!),
);
await measure("jwt: verify ES256 signature + claims, from scratch", 2000, () =>
  verifyAccessTokenFromScratch(pair.accessToken),
);
await measure("jwt: the same token again (remembered; exp checked)", 5000, () =>
  verifyAccessToken(pair.accessToken),
);
await measure("jwt: revocation lookup (one query)", 2000, () => checkNotRevoked(verified.claims));
await measure("jwt: whole checked guard", 2000, () =>
  authenticateJwt({ bearer: pair.accessToken }, undefined, "checked"),
);

const oauthToken = await seedOAuthSession(user, proof.authTime);
await measure("oauth: whole guard (Auth.js session + user, one query)", 2000, () =>
  authenticateOAuthSession(oauthToken),
);

// A passkey sign-in's own check, beside the others: what the session it makes then costs is the
// session guard's row above.
const passkeyCheck = await preparePasskeyCheck();
await measure("passkey: verify one assertion (ES256 + authenticator data)", 2000, passkeyCheck);

await getDb().$disconnect();
rmSync(dir, { recursive: true, force: true });
