import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { eventStatement } from "@/lib/auth/events";
import { getDb } from "@/lib/db";
import { writeTogether } from "@/lib/write-together";

// writeTogether's promise, whichever database: every statement in order, or none. Shared by the
// local file's test (one Prisma transaction, lib/write-together.test.ts) and the network
// database's (one libSQL batch through the double, lib/write-together-network.test.ts).

export function writeTogetherCases(): void {
  it("writes every statement, in order, and Prisma reads the rows back", async () => {
    const detail = JSON.stringify({ tag: randomUUID() });
    const changed = await writeTogether([
      eventStatement({ type: "logout", strategy: "session", detail: JSON.parse(detail) }),
      {
        sql: `UPDATE "AuthEvent" SET "type" = ? WHERE "detail" = ?`,
        args: ["login.failure", detail],
      },
    ]);
    expect(changed).toEqual([1, 1]);
    const rows = await getDb().authEvent.findMany({ where: { detail } });
    expect(rows).toMatchObject([{ type: "login.failure", strategy: "session" }]);
    expect(Math.abs(rows[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("writes nothing when one statement fails", async () => {
    const detail = JSON.stringify({ tag: randomUUID() });
    await expect(
      writeTogether([
        eventStatement({ type: "logout", strategy: "session", detail: JSON.parse(detail) }),
        { sql: `INSERT INTO "NoSuchTable" ("id") VALUES (?)`, args: [detail] },
      ]),
    ).rejects.toThrow();
    expect(await getDb().authEvent.count({ where: { detail } })).toBe(0);
  });
}
