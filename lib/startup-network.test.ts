import { describe, expect, it } from "vitest";
import { allMigrations, networkDatabaseForThisFile } from "@/tests/network-database";
import { missingMigrations } from "./startup";

// `npm run db:migrate` against a libsql:// database (Turso in a deployment, the libSQL double
// here): the real CLI applies every migration over HTTP, with no engine to download, and the
// server's start-up check then finds nothing missing.

const database = networkDatabaseForThisFile();

describe("migrations on a network database", () => {
  it("applies every migration, and the start-up check finds none missing", async () => {
    const all = allMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(database.current().migrateOutput).toContain(
      "All migrations have been successfully applied.",
    );
    for (const name of all) expect(database.current().migrateOutput).toContain(name);
    expect(database.current().double.roundTrips()).toBeGreaterThan(0);

    const before = database.current().double.roundTrips();
    await expect(missingMigrations(all)).resolves.toEqual([]);
    expect(database.current().double.roundTrips()).toBeGreaterThan(before); // it asked the double
    await expect(missingMigrations([...all, "20991231000000_from_the_future"])).resolves.toEqual([
      "20991231000000_from_the_future",
    ]);
  });
});
