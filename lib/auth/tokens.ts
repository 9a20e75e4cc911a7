import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Opaque tokens for sessions and refresh tokens. The database keeps only their SHA-256: a leaked
// table gives nothing that authenticates. (A fast hash is right here: the token has 256 bits of
// entropy, so there is nothing to brute-force, unlike a password.)

/** 32 random bytes (256 bits), base64url. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A stored hash shown to a person: enough to tell rows apart, useless to an attacker. */
export function redact(hash: string): string {
  return `${hash.slice(0, 8)}…`;
}
