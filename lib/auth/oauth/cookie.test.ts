import { describe, expect, it } from "vitest";
import { oauthSessionCookieIn, oauthSessionCookieName } from "./cookie";

// The app reads the Auth.js session cookie exactly as far as Auth.js and Next.js agree: one cookie
// of exactly that name. Anything Auth.js would read differently (it joins every cookie whose name
// starts with the session cookie's, trims names, keeps the first of two) is ambiguous.

const name = oauthSessionCookieName();
const read = (cookie: string) => oauthSessionCookieIn(new Headers({ cookie }));

describe("the Auth.js session cookie", () => {
  it("is read when it comes once under its own name", () => {
    expect(read(`other=1; ${name}=abc%2Bdef; more=2`)).toEqual({ state: "one", token: "abc+def" });
    expect(read("other=1")).toEqual({ state: "none" });
  });

  it.each([
    ["twice", `${name}=one; ${name}=two`],
    ["as a numbered chunk", `${name}.0=one`],
    ["as chunks", `${name}.0=a; ${name}.1=b`],
    ["beside a chunk", `${name}=one; ${name}.1=b`],
    ["under a longer name", `${name}X=victim`],
    ["under a dotted suffix", `${name}.x=victim`],
    ["under a dashed suffix", `${name}-0=victim`],
    ["with a space before =", `${name} =victim; ${name}=mine`],
    ["with a tab after ;", `a=1;\t${name}=one;\t${name}=two`],
    ["undecodable", `${name}=%E0%A4%A`],
  ])("is ambiguous %s", (_what, cookie) => {
    expect(read(cookie)).toEqual({ state: "ambiguous" });
  });
});
