import { describe, expect, it } from "vitest";
import { type ContinueTarget, matchesContinueIntent, mintContinueIntent } from "./continue-intent";

// The confirmation page carries on by itself only when the nonce the URL brought back is the one
// this browser's cookie was minted with, for exactly the same fields and person.

const target: ContinueTarget = {
  userId: "user-1",
  action: "unlink",
  next: "/account",
  pending: { provider: "github" },
};

describe("a re-proof's intent to carry on", () => {
  it("matches its own nonce and fields", () => {
    const { nonce, cookie } = mintContinueIntent(target);
    expect(nonce).toMatch(/^[\w-]{43}$/);
    expect(matchesContinueIntent(cookie, nonce, target)).toBe(true);
    // The same fields, written in another order, are the same target.
    expect(
      matchesContinueIntent(cookie, nonce, {
        pending: { provider: "github" },
        next: "/account",
        action: "unlink",
        userId: "user-1",
      }),
    ).toBe(true);
  });

  it("is new every time: another mint's nonce is refused", () => {
    const first = mintContinueIntent(target);
    const second = mintContinueIntent(target);
    expect(first.nonce).not.toBe(second.nonce);
    expect(matchesContinueIntent(first.cookie, second.nonce, target)).toBe(false);
    expect(matchesContinueIntent(second.cookie, first.nonce, target)).toBe(false);
  });

  it("is refused without the cookie, or with no, a malformed or a guessed nonce", () => {
    const { nonce, cookie } = mintContinueIntent(target);
    expect(matchesContinueIntent(undefined, nonce, target)).toBe(false);
    expect(matchesContinueIntent("", nonce, target)).toBe(false);
    for (const bad of [undefined, "", [nonce], `${nonce}x`, nonce.slice(1), "a".repeat(43), 42])
      expect(matchesContinueIntent(cookie, bad, target), String(bad)).toBe(false);
  });

  it("is bound to every field it was minted for, and to the person", () => {
    const { nonce, cookie } = mintContinueIntent(target);
    const others: ContinueTarget[] = [
      { ...target, userId: "user-2" },
      { ...target, action: "link" },
      { ...target, next: "/oauth/link" },
      { ...target, pending: { provider: "google" } },
      { ...target, pending: {} },
      { ...target, pending: { provider: "github", via: "account" } },
      { ...target, pending: { provider: "github", passkey: "abc" } },
    ];
    for (const other of others)
      expect(matchesContinueIntent(cookie, nonce, other), JSON.stringify(other)).toBe(false);
  });

  it("refuses a cookie that was changed, however little", () => {
    const { nonce, cookie } = mintContinueIntent(target);
    const last = cookie.at(-1) === "A" ? "B" : "A";
    expect(matchesContinueIntent(`${cookie.slice(0, -1)}${last}`, nonce, target)).toBe(false);
    expect(matchesContinueIntent(`${cookie}A`, nonce, target)).toBe(false);
    expect(matchesContinueIntent(nonce, nonce, target)).toBe(false);
  });
});
