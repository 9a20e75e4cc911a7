import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrationProblem, missingMigrations } from "./startup";

describe("startup checks", () => {
  it("finds every migration applied to the test database, and reports one that isn't", async () => {
    const all = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(all.length).toBeGreaterThan(0);
    await expect(missingMigrations(all)).resolves.toEqual([]);
    await expect(missingMigrations([...all, "20991231000000_from_the_future"])).resolves.toEqual([
      "20991231000000_from_the_future",
    ]);
  });

  it("has nothing to say about the test database, whose migrations are all applied", async () => {
    await expect(migrationProblem()).resolves.toBeNull();
  });
});
