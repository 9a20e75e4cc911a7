// The environment of the deployment under test, as a user would set it up from the README: fresh
// secrets, a network database (Turso, played by the libSQL double), the demo on, no provider
// credentials (OAuth is optional; a later scenario adds them), and what Vercel itself sets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateSecrets } from "../dev-secrets.mjs";

export const PRODUCTION_HOST = "auth-lab-vercel-check.vercel.app";
const DEPLOYMENT_HOST = "auth-lab-vercel-check-git-abc123.vercel.app";

/** The names .env.example documents: whatever the caller's shell has of them is left out. */
function appVariables(projectDir) {
  const text = readFileSync(path.join(projectDir, ".env.example"), "utf8");
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(([, name]) => name));
}

/** The caller's environment without the app's variables or Vercel's (PATH, HOME, proxies…). */
export function baseEnv(projectDir) {
  const names = appVariables(projectDir);
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !names.has(name) && !name.startsWith("VERCEL") && !name.startsWith("AUTH_"),
    ),
  );
}

/** What Vercel sets on a production deployment, build and functions alike. */
export const vercelSystemEnv = () => ({
  VERCEL: "1",
  VERCEL_ENV: "production",
  VERCEL_URL: DEPLOYMENT_HOST,
  VERCEL_PROJECT_PRODUCTION_URL: PRODUCTION_HOST,
  VERCEL_REGION: "iad1",
});

/** The project's own variables, as its owner would enter them (README, Deploying to Vercel). */
export const projectEnv = (databaseUrl) => ({
  ...generateSecrets(),
  DATABASE_URL: databaseUrl,
  DATABASE_AUTH_TOKEN: "vercel-check-token",
  DEMO_SIGN_IN: "on",
});

/** Provider credentials as an owner would paste them from Google's and GitHub's consoles. */
export const providerEnv = () => ({
  AUTH_GOOGLE_ID: "vercel-check.apps.googleusercontent.com",
  AUTH_GOOGLE_SECRET: "vercel-check-google-secret",
  AUTH_GITHUB_ID: "vercel-check-github-id",
  AUTH_GITHUB_SECRET: "vercel-check-github-secret",
});
