import { describe, expect, it } from "vitest";
import { emailSchema, hashPassword, normalizeEmail, verifyPassword } from "./credentials";

describe("normalizeEmail", () => {
  it("folds case, whitespace and Unicode form into one spelling", () => {
    const composed = "zoë@example.com"; // ë as one code point
    const decomposed = "zoe\u0308@example.com"; // e + combining diaeresis
    expect(normalizeEmail(`  ZOË@Example.COM `)).toBe(composed);
    expect(normalizeEmail(decomposed)).toBe(composed);
  });
});

describe("emailSchema", () => {
  it("accepts and normalises a valid address", () => {
    expect(emailSchema.parse(" Ada@Example.com ")).toBe("ada@example.com");
  });
  it.each(["", "   ", "not-an-email", "a@", "@b.c"])("rejects %j", (value) => {
    expect(emailSchema.safeParse(value).success).toBe(false);
  });
});

describe("argon2id hashing", () => {
  it("hashes with argon2id at the OWASP parameters and verifies", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hash, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(hash, "correct horse battery stapler")).resolves.toBe(false);
  });
  it("matches the same password typed in another Unicode form", async () => {
    const hash = await hashPassword("crème brûlée forever");
    await expect(verifyPassword(hash, "cre\u0300me bru\u0302le\u0301e forever")).resolves.toBe(
      true,
    );
  });
  it("answers false for an unknown account after doing the same work", async () => {
    await verifyPassword(null, "warm up the dummy hash");
    const started = performance.now();
    await expect(verifyPassword(null, "anything at all")).resolves.toBe(false);
    expect(performance.now() - started).toBeGreaterThan(1); // a real argon2 verification ran
  });
  it("never authenticates against a malformed stored hash", async () => {
    await expect(verifyPassword("not-a-phc-string", "whatever it is")).resolves.toBe(false);
  });
});
