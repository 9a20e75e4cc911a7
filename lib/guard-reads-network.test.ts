import { expect } from "vitest";
import { readRow } from "@/lib/sqlite-reads";
import { guardReadCases } from "@/tests/guard-read-cases";
import { networkDatabaseForThisFile } from "@/tests/network-database";

// Every guard's one read on a network database (the libSQL double over HTTP, as Turso is
// reached): the path a deployment takes for real, with what it costs: one round trip each.

const database = networkDatabaseForThisFile();

guardReadCases(async (read) => {
  // Not a local file: the read-only connection stands aside and the ORM asks the double.
  expect(readRow('SELECT 1 AS "one"')).toBeNull();
  const before = database.current().double.roundTrips();
  const answer = await read();
  expect(database.current().double.roundTrips() - before).toBe(1);
  return answer;
});
