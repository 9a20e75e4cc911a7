import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import {
  checkNewPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordShapeSchema,
} from "./credentials";

// The new-password policy (OWASP ASVS 5.0 §6.2): length in code points, no composition rules,
// no common passwords, not the person's own email or name.

const TOO_SHORT = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
const TOO_LONG = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
const TOO_COMMON = /too common/;
const PERSONAL = "Don't use your email or name as your password.";

/** The messages passwordShapeSchema gives for `value`; empty when it is accepted. */
function shapeMessages(value: unknown): string[] {
  const result = passwordShapeSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("passwordShapeSchema: length", () => {
  it("uses the limits the policy names", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(512);
  });

  it("rejects 7 characters and accepts 8", () => {
    expect(shapeMessages("abcdefg")).toEqual([TOO_SHORT]);
    expect(passwordShapeSchema.parse("abcdefgh")).toBe("abcdefgh");
  });

  it("counts an emoji (astral, two UTF-16 units) as one character", () => {
    const seven = "🔑".repeat(7); // 14 UTF-16 units: a naive .length check would accept it
    expect(seven).toHaveLength(14);
    expect(shapeMessages(seven)).toEqual([TOO_SHORT]);
    expect(shapeMessages("🔑".repeat(8))).toEqual([]);
    expect(shapeMessages("abc🔑def")).toEqual([TOO_SHORT]); // 7 code points, 8 UTF-16 units
    expect(shapeMessages("abc🔑defg")).toEqual([]);
  });

  it("rejects an empty or missing password with its own message", () => {
    expect(shapeMessages("")).toEqual(["Enter a password."]);
    expect(shapeMessages(undefined)).toEqual(["Enter a password."]);
    expect(shapeMessages(12345678)).toEqual(["Enter a password."]);
  });

  it.each([64, 300])("accepts a %i-character password", (length) => {
    const password = "x".repeat(length);
    expect(passwordShapeSchema.parse(password)).toBe(password);
  });

  it("accepts 512 characters and rejects 513 with a message", () => {
    expect(shapeMessages("a".repeat(512))).toEqual([]);
    expect(shapeMessages("a".repeat(513))).toEqual([TOO_LONG]);
  });

  it("counts the upper limit in code points too", () => {
    // 512 emoji are 1024 UTF-16 units: exactly at the cheap UTF-16 cap, still allowed.
    expect(shapeMessages("🔑".repeat(512))).toEqual([]);
    expect(shapeMessages("🔑".repeat(513))).toEqual([TOO_LONG]);
    // 600 code points that fit under the UTF-16 cap are caught by the code-point count.
    expect(shapeMessages("é".repeat(600))).toEqual([TOO_LONG]);
  });

  it("rejects a 1,000,000-character password at the cheap UTF-16 cap", () => {
    const huge = "a".repeat(1_000_000);
    const result = passwordShapeSchema.safeParse(huge);
    expect(result.success).toBe(false);
    // One message only: the normalisation and code-point checks never ran on the huge value.
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([TOO_LONG]);
  });
});

describe("passwordShapeSchema and checkNewPassword: any Unicode, no composition rules", () => {
  it.each([
    ["Cyrillic", "пароль для входа"],
    ["CJK", "我的密码是非常安全的"],
    ["emoji", "🐱🌈🚀🎉🍕🎸🌍🔑"],
    ["spaces, kept as typed", "  correct horse battery staple  "],
    ["mixed scripts", "Straße 東京 🚲 Ωmega"],
  ])("accepts %s", async (_label, password) => {
    // Kept as typed (already NFC): no trimming, no case folding.
    expect(passwordShapeSchema.parse(password)).toBe(password);
    await expect(
      checkNewPassword(password, { email: "someone@example.com", name: "Some One" }),
    ).resolves.toBeNull();
  });

  it("accepts an all-lowercase passphrase with no digits or symbols", async () => {
    const password = "purple elephants dance quietly at midnight";
    expect(shapeMessages(password)).toEqual([]);
    await expect(checkNewPassword(password)).resolves.toBeNull();
  });

  it("stores the NFC form, so the same text from two keyboards is one password", () => {
    expect(passwordShapeSchema.parse("cre\u0300me bru\u0302le\u0301e")).toBe("crème brûlée");
  });
});

describe("checkNewPassword: common passwords", () => {
  it.each(["password", "qwerty123", "iloveyou", "sunshine", "trustno1"])(
    "the list used by the policy contains %j",
    async (entry) => {
      await expect(isCommonPassword(entry)).resolves.toBe(true);
    },
  );

  it("looks passwords up case-insensitively", async () => {
    await expect(isCommonPassword("PassWord")).resolves.toBe(true);
    await expect(isCommonPassword("purple elephants dance quietly at midnight")).resolves.toBe(
      false,
    );
  });

  it.each(["password", "Password", "PASSWORD", "qwerty123", "QWERTY123", "ILoveYou", "SunShine"])(
    "refuses %j in any case",
    async (password) => {
      await expect(
        checkNewPassword(password, { email: "someone@example.com", name: "Some One" }),
      ).resolves.toMatch(TOO_COMMON);
    },
  );
});

describe("checkNewPassword: the person's own details", () => {
  const context = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };

  it.each([
    ["the email address", "ada.lovelace@example.com"],
    ["the email address in another case", "Ada.Lovelace@Example.COM"],
    ["the local part", "ada.lovelace"],
    ["the local part in another case", "ADA.LOVELACE"],
    ["the name", "Ada Lovelace"],
    ["the name in another case", "ada lovelace"],
  ])("refuses %s", async (_label, password) => {
    await expect(checkNewPassword(password, context)).resolves.toBe(PERSONAL);
  });

  it("allows a longer passphrase that only contains the name", async () => {
    await expect(
      checkNewPassword("ada lovelace wrote the first program", context),
    ).resolves.toBeNull();
  });

  it("accepts the same value for someone else", async () => {
    await expect(
      checkNewPassword("ada.lovelace@example.com", {
        email: "grace@example.com",
        name: "Grace Hopper",
      }),
    ).resolves.toBeNull();
  });
});
