// `npm run db:new-migration -- <name>`: writes the SQL that takes the last committed schema to the
// working one. (`prisma migrate dev` needs the native engine, and `migrate diff --from-migrations`
// replays only the first statement of each migration on the JS engine, so we diff two datamodels.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bin } from "./run.mjs";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const scratch = mkdtempSync(path.join(tmpdir(), "auth-lab-migration-"));
const previous = path.join(scratch, "previous.prisma");
writeFileSync(
  previous,
  execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }),
);

const result = spawnSync(
  bin("prisma"),
  [
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "scratch.db")}` },
  },
);
if (result.status !== 0 || /^Error:/m.test(result.stderr)) {
  console.error(result.stderr);
  process.exit(1);
}
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(result.stdout)) {
  console.log("The schema matches the last committed one: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), result.stdout);
console.log(`Wrote ${dir}/migration.sql`);
