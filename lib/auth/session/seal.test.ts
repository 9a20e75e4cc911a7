import { sealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { MAX_SEAL_LENGTH, sealToken, unsealToken } from "./seal";

describe("session seal", () => {
  it("round-trips a token, and the same seal again from the cache", async () => {
    const seal = await sealToken("a-token-value");
    expect(seal).toMatch(/^Fe26\.2\*/);
    await expect(unsealToken(seal)).resolves.toBe("a-token-value");
    await expect(unsealToken(seal)).resolves.toBe("a-token-value");
  });

  it("reads nothing from a seal with one character changed", async () => {
    const seal = await sealToken("tamper-me");
    const i = Math.floor(seal.length / 2);
    const flipped = `${seal.slice(0, i)}${seal[i] === "A" ? "B" : "A"}${seal.slice(i + 1)}`;
    await expect(unsealToken(flipped)).resolves.toBeNull();
  });

  it("reads nothing from a seal made with a password it doesn't know", async () => {
    const foreign = await sealData({ t: "foreign" }, { password: { 1: "x".repeat(40) } });
    await expect(unsealToken(foreign)).resolves.toBeNull();
  });

  it.each([
    ["empty", ""],
    ["truncated", "Fe26.2*1*abc"],
    ["garbage", "not a seal at all"],
    ["oversized", "A".repeat(MAX_SEAL_LENGTH + 1)],
  ])("reads nothing from a %s value", async (_label, value) => {
    await expect(unsealToken(value)).resolves.toBeNull();
  });
});
