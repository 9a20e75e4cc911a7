import { describe, expect, it } from "vitest";
import { bearerChallenge, bearerToken } from "./bearer";

describe("Bearer tokens (RFC 6750)", () => {
  it("reads the token of an Authorization header, and nothing else", () => {
    const headers = (value: string) => new Headers({ authorization: value });
    expect(bearerToken(headers("Bearer abc.def"))).toBe("abc.def");
    expect(bearerToken(headers("bearer  abc"))).toBe("abc");
    expect(bearerToken(headers("Basic abc"))).toBeUndefined();
    expect(bearerToken(headers("Bearer a b"))).toBeUndefined();
    expect(bearerToken(new Headers())).toBeUndefined();
  });

  it("challenges bare without a token, with invalid_token (and why) for a refused one", () => {
    expect(bearerChallenge()).toBe("Bearer");
    expect(bearerChallenge({})).toBe('Bearer error="invalid_token"');
    expect(bearerChallenge({ description: "expired" })).toBe(
      'Bearer error="invalid_token", error_description="expired"',
    );
  });
});
