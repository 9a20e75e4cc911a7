import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { describe, expect, it } from "vitest";
import { requestCookie } from "./cookies";

// A route handler's one cookie, read from the header: the same answer as Next.js's cookies().

const HEADERS = [
  "",
  "auth-lab.session=abc",
  "a=1; auth-lab.session=Fe26.2*1*abc~def; b=2",
  "auth-lab.session=first; auth-lab.session=second",
  "auth-lab.session=%E2%82%AC; x=%",
  "auth-lab.session=ok; auth-lab.session=%E0%A4%A",
  "auth-lab.session",
  "auth-lab.session=; other=1",
  "auth-lab.session==tail=",
  "  auth-lab.session=spaced",
  "auth-lab.session=a;auth-lab.session=b",
  "AUTH-LAB.SESSION=upper",
];

describe("requestCookie", () => {
  it.each(HEADERS)("reads %j as Next.js's cookies() does", (header) => {
    const headers = new Headers(header ? { cookie: header } : {});
    const next = new RequestCookies(headers).get("auth-lab.session")?.value;
    expect(requestCookie(headers, "auth-lab.session")).toBe(next);
  });

  it("with unique, reads nothing when the name comes twice (a planted cookie)", () => {
    const read = (cookie: string) =>
      requestCookie(new Headers({ cookie }), "auth-lab.session", { unique: true });
    expect(read("auth-lab.session=mine")).toBe("mine");
    expect(read("auth-lab.session=planted; other=1; auth-lab.session=mine")).toBeUndefined();
    expect(read("auth-lab.session=mine; auth-lab.session=mine")).toBeUndefined();
  });
});
