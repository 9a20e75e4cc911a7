import path from "node:path";
import { defineConfig } from "prisma/config";
import { libsqlAdapter } from "./lib/sqlite";
import { loadEnvFiles } from "./scripts/load-env.mjs";

loadEnvFiles();
// The database the migrations go to, as lib/env.ts defaults it (the schema's own `url` is a
// placeholder nothing opens: see prisma/schema.prisma).
process.env.DATABASE_URL ||= "file:./.data/auth-lab.db";

// The JS schema engine drives migrations through the same libSQL adapter the app uses (WAL,
// busy timeout: lib/sqlite.ts),
// so a file: URL (embedded default) and a libsql:// URL (Turso) both work with no native engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return libsqlAdapter(process.env.DATABASE_URL!, process.env.DATABASE_AUTH_TOKEN);
  },
});
