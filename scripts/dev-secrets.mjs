// Development secrets: generated once, kept in the untracked .env.local, never committed.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function generateSecrets() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: randomUUID(),
    alg: "ES256",
    use: "sig",
  };
  return {
    SESSION_PASSWORDS: JSON.stringify({ 1: randomBytes(32).toString("base64url") }),
    JWT_PRIVATE_KEYS: JSON.stringify([jwk]),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // What Vercel's cron sends to /api/cron/purge (vercel.json); unused elsewhere.
    CRON_SECRET: randomBytes(32).toString("base64url"),
  };
}

/** Adds every missing secret to `file` and returns the names it wrote. */
export function ensureDevSecrets(file = ".env.local") {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const present = (name) =>
    new RegExp(`^\\s*${name}=`, "m").test(text) || Boolean(process.env[name]);
  const missing = Object.entries(generateSecrets()).filter(([name]) => !present(name));
  if (missing.length === 0) return [];
  const header = text
    ? ""
    : "# Generated for local development by scripts/setup.mjs. Never commit this file.\n";
  const lines = missing.map(([name, value]) => `${name}='${value}'`).join("\n");
  writeFileSync(file, `${text}${text && !text.endsWith("\n") ? "\n" : ""}${header}${lines}\n`, {
    mode: 0o600,
  });
  return missing.map(([name]) => name);
}

// `node scripts/dev-secrets.mjs`: print a fresh set, e.g. to paste into a deployment's settings.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, value] of Object.entries(generateSecrets())) console.log(`${name}='${value}'`);
}
