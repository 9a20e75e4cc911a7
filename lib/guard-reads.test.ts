import { afterAll, expect } from "vitest";
import { readGuardsThrough } from "@/lib/sqlite-reads";
import { guardReadCases } from "@/tests/guard-read-cases";

// Every guard's one read, through both paths: the read-only connection a local file gets, and
// the ORM's raw query that a Turso deployment runs (and a local file never would). Same SQL, same
// mapper: the same answer, for a live credential and for each way one ends.

afterAll(() => readGuardsThrough(null));

guardReadCases(async (read) => {
  readGuardsThrough("direct");
  const direct = await read();
  readGuardsThrough("orm");
  const orm = await read();
  readGuardsThrough(null);
  expect(orm).toEqual(direct);
  return direct;
});
