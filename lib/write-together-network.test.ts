import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventStatement } from "@/lib/auth/events";
import { useNetworkDatabase } from "@/tests/network-database";
import { writeTogetherCases } from "@/tests/write-together-cases";
import { writeTogether } from "./write-together";

// On a network database (the libSQL double over HTTP, as Turso is reached): one batch.

let network: Awaited<ReturnType<typeof useNetworkDatabase>>;

beforeAll(async () => {
  network = await useNetworkDatabase();
}, 120_000);

afterAll(() => network?.stop());

describe("writeTogether on a network database", () => {
  writeTogetherCases();

  it("costs one round trip, however many statements", async () => {
    const before = network.double.roundTrips();
    await writeTogether([
      eventStatement({ type: "logout", strategy: "session" }),
      eventStatement({ type: "logout", strategy: "session" }),
      eventStatement({ type: "logout", strategy: "session" }),
    ]);
    expect(network.double.roundTrips() - before).toBe(1);
  });
});
