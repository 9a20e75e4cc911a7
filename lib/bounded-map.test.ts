import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map";

describe("BoundedMap", () => {
  it("never holds more than its limit: the oldest key goes first", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2).set("c", 3);
    expect([...map.entries()]).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("updating a key it holds pushes nothing out", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2).set("a", 10);
    expect(Object.fromEntries(map)).toEqual({ a: 10, b: 2 });
  });

  it("refuses a limit below one", () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});
