import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseReachable } from "./health";

describe("databaseReachable", () => {
  it("is true for the test database", async () => {
    await expect(databaseReachable()).resolves.toBe(true);
  });

  it("is false when the database can't be opened", async () => {
    const adapter = new PrismaLibSQL({ url: "file:/nonexistent-dir/auth-lab/unreachable.db" });
    const broken = new PrismaClient({ adapter });
    await expect(databaseReachable(broken)).resolves.toBe(false);
  });
});
