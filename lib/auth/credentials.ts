import "server-only";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { isPlainText, NOT_PLAIN_TEXT } from "@/lib/text";
import { isCommonPassword } from "./common-passwords";

// Email normalisation, the password policy (OWASP ASVS 5.0 §6.2) and argon2id, in one place
// so the session and JWT strategies check credentials exactly the same way.

export const PASSWORD_MIN_LENGTH = 8;
/** Generous for passphrases, small enough that a huge input cannot make hashing slow. */
export const PASSWORD_MAX_LENGTH = 512;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;

/** One spelling per address: trimmed, Unicode NFC, lower-case. */
export function normalizeEmail(raw: string): string {
  return raw.trim().normalize("NFC").toLowerCase();
}

/** Passwords are compared as typed, except for Unicode form: the same text from two keyboards matches. */
export function normalizePassword(raw: string): string {
  return raw.normalize("NFC");
}

/** Code points, not UTF-16 units: "🔑" is one character to the person typing it. */
const characterCount = (text: string) => [...text].length;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .max(EMAIL_MAX_LENGTH * 4, `Use at most ${EMAIL_MAX_LENGTH} characters.`)
  .refine(isPlainText, NOT_PLAIN_TEXT)
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, "Enter your email address.")
      .max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`)
      // Unicode local parts and domains are real addresses (RFC 6531); ASCII-only would refuse them.
      .pipe(
        z.email({
          pattern: z.regexes.unicodeEmail,
          error: "Enter a valid email address, like name@example.com.",
        }),
      ),
  );

export const nameSchema = z
  .string({ error: "Enter your name." })
  .max(NAME_MAX_LENGTH * 4, `Use at most ${NAME_MAX_LENGTH} characters.`)
  .refine(isPlainText, NOT_PLAIN_TEXT)
  .transform((name) => name.trim().normalize("NFC"))
  .pipe(
    z
      .string()
      .min(1, "Enter your name.")
      .refine(
        (name) => characterCount(name) <= NAME_MAX_LENGTH,
        `Use at most ${NAME_MAX_LENGTH} characters.`,
      ),
  );

/** Length only, cheap: safe to run before anything else touches the value. */
export const passwordShapeSchema = z
  .string({ error: "Enter a password." })
  .min(1, "Enter a password.")
  // UTF-16 length bounds the work before counting code points (a 1 MB value stops here).
  .max(PASSWORD_MAX_LENGTH * 2, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine(isPlainText, NOT_PLAIN_TEXT)
  .transform(normalizePassword)
  .refine(
    (pw) => characterCount(pw) >= PASSWORD_MIN_LENGTH,
    `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  )
  .refine(
    (pw) => characterCount(pw) <= PASSWORD_MAX_LENGTH,
    `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  );

/**
 * The full policy for a new password: length, not a common password, not the person's own
 * email or name. No composition rules (ASVS 6.2.5): any Unicode is welcome.
 */
export async function checkNewPassword(
  password: string,
  context: { email?: string; name?: string } = {},
): Promise<string | null> {
  const lower = password.toLowerCase();
  const email = context.email?.toLowerCase();
  const personal = [email, email?.split("@")[0], context.name?.toLowerCase()];
  if (personal.some((word) => word && word.length >= 3 && lower === word)) {
    return "Don't use your email or name as your password.";
  }
  if (await isCommonPassword(password)) {
    return "This password is too common: it appears in lists attackers try first. Choose another.";
  }
  return null;
}

// OWASP Password Storage Cheat Sheet, argon2id row 2: m=19 MiB, t=2, p=1.
const ARGON2ID = 2 as Algorithm;
const HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies `password` against `passwordHash`; with no hash (unknown email, or a provider-only
 * person) it verifies against a throwaway hash so the answer takes the same time either way.
 */
export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (passwordHash === null) {
    dummyHash ??= hash(randomBytes(32), HASH_OPTIONS);
    await verify(await dummyHash, normalized);
    return false;
  }
  try {
    return await verify(passwordHash, normalized);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}
