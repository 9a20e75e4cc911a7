import { describe, expect, it } from "vitest";
import { probeOf } from "./probe";

describe("probeOf", () => {
  it("cuts an authorization code and state short, and shows the cut as … in the path", () => {
    const probe = probeOf(
      {
        status: 400,
        url: "http://localhost:3000/api/auth/callback/google?code=abcdefghijkl&state=zyxwvutsrq&iss=x",
        headers: new Headers({ "content-type": "application/json" }),
        body: JSON.stringify({ error: "invalid_grant", error_description: "code verifier" }),
      },
      { label: "redeem", method: "GET", expected: 400 },
    );
    expect(probe.path).toBe("/api/auth/callback/google?code=abcdef…&state=zyxwvu…&iss=x");
    expect(probe.code).toBe("invalid_grant");
    expect(probe.asExpected).toBe(true);
  });
});
