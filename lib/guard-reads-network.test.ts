import { afterAll, beforeAll, expect } from "vitest";
import { readRow } from "@/lib/sqlite-reads";
import { guardReadCases } from "@/tests/guard-read-cases";
import { useNetworkDatabase } from "@/tests/network-database";

// Every guard's one read on a network database (the libSQL double over HTTP, as Turso is
// reached): the path a deployment takes for real, with what it costs: one round trip each.

let network: Awaited<ReturnType<typeof useNetworkDatabase>>;

beforeAll(async () => {
  network = await useNetworkDatabase();
}, 120_000);

afterAll(() => network?.stop());

guardReadCases(async (read) => {
  // Not a local file: the read-only connection stands aside and the ORM asks the double.
  expect(readRow('SELECT 1 AS "one"')).toBeNull();
  const before = network.double.roundTrips();
  const answer = await read();
  expect(network.double.roundTrips() - before).toBe(1);
  return answer;
});
