// One-time and idempotent: development secrets, the SQLite file, migrations, demo people.
import { mkdirSync } from "node:fs";
import { ensureDevSecrets } from "./dev-secrets.mjs";
import { loadEnvFiles } from "./load-env.mjs";
import { bin, run, runQuietly } from "./run.mjs";

export async function setup() {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "refusing to run in production: it writes development secrets and demo people. Set the variables of .env.example in the deployment and run `npm run db:migrate` instead.",
    );
  }
  const written = ensureDevSecrets();
  if (written.length > 0) console.log(`setup: generated ${written.join(", ")} in .env.local`);
  loadEnvFiles();
  const url = process.env.DATABASE_URL ?? "file:./.data/auth-lab.db";
  if (url.startsWith("file:./.data/")) mkdirSync(".data", { recursive: true });
  // Prisma's own report (and its warning about the schema's placeholder url, which is on purpose:
  // see prisma/schema.prisma) only when something goes wrong; otherwise one line.
  const report = await runQuietly(bin("prisma"), ["migrate", "deploy"]);
  const applied = report.includes("have been applied")
    ? (report.match(/migration\.sql/g) ?? []).length
    : 0;
  console.log(
    applied > 0 ? `setup: applied ${applied} migration(s)` : "setup: the database is up to date",
  );
  // react-server: lets the seed import server-only modules (the real hashing code) outside Next.js.
  await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setup().catch((error) => {
    console.error(`setup: ${error.message}`);
    process.exit(1);
  });
}
