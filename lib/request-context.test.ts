import { describe, expect, it } from "vitest";
import { clientIp, clientIpSource } from "./request-context";

// The default configuration (one trusted proxy appending to X-Forwarded-For), as a proxy in front
// of the app would present it.

const from = (value: string | null) =>
  clientIp(new Headers(value === null ? {} : { "x-forwarded-for": value }));

describe("clientIp", () => {
  it("reads the header a trusted proxy sets, one hop by default", () => {
    expect(clientIpSource()).toEqual({ header: "x-forwarded-for", hops: 1 });
  });

  it("takes the rightmost entry: what the client put on the left is ignored", () => {
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    expect(from("6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(from("1.1.1.1,2.2.2.2 ,  2001:db8::7")).toBe("2001:db8::7");
  });

  it("gives no address (the shared unknown bucket) for anything that isn't one", () => {
    for (const value of ["x", "203.0.113.9, x", "", " , ", "999.1.1.1", "::g", null])
      expect(from(value), String(value)).toBeNull();
  });
});
