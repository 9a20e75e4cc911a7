import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { readRow, toDate } from "./sqlite-reads";

// The guards' read-only connection, against the real test database: it sees every commit at
// once, and a read that fails halfway never leaves the next caller with its parameters.

describe("readRow", () => {
  it("reads what was just committed through Prisma, and nothing once it is deleted", async () => {
    const email = `${randomUUID()}@sqlite-reads.test`;
    const user = await getDb().user.create({ data: { email }, select: { id: true } });
    const sql = `SELECT "id", "email" FROM "User" WHERE "id" = ?`;
    expect(readRow(sql, user.id)).toEqual({ id: user.id, email });
    await getDb().user.delete({ where: { id: user.id } });
    expect(readRow(sql, user.id)).toBeUndefined();
  });

  it("after a statement fails halfway, the next call runs with its own parameters", async () => {
    // json() fails while the statement runs, not when it is prepared: the driver's failure mode.
    const sql = "SELECT json(?) AS value";
    expect(() => readRow(sql, "not json")).toThrow();
    expect(readRow(sql, '{"mine":true}')).toEqual({ value: '{"mine":true}' });
  });
});

describe("toDate", () => {
  it("reads ISO text and epoch milliseconds, and refuses anything else", () => {
    expect(toDate("2026-11-30T12:00:00.000Z").toISOString()).toBe("2026-11-30T12:00:00.000Z");
    expect(toDate(1_764_504_000_000n).getTime()).toBe(1_764_504_000_000);
    expect(() => toDate("not a date")).toThrow();
    expect(() => toDate(null)).not.toThrow(); // null is epoch 0: a date long past, so expired
  });
});
