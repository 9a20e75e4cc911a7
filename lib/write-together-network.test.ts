import { describe, expect, it } from "vitest";
import { eventStatement } from "@/lib/auth/events";
import { networkDatabaseForThisFile } from "@/tests/network-database";
import { writeTogetherCases } from "@/tests/write-together-cases";
import { writeTogether } from "./write-together";

// On a network database (the libSQL double over HTTP, as Turso is reached): one batch.

const database = networkDatabaseForThisFile();

describe("writeTogether on a network database", () => {
  writeTogetherCases();

  it("costs one round trip, however many statements", async () => {
    const before = database.current().double.roundTrips();
    await writeTogether([
      eventStatement({ type: "logout", strategy: "session" }),
      eventStatement({ type: "logout", strategy: "session" }),
      eventStatement({ type: "logout", strategy: "session" }),
    ]);
    expect(database.current().double.roundTrips() - before).toBe(1);
  });
});
