import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

// Secrets the server must read back later (a provider's access token, to call its API for the
// person) can't be hashed like our own tokens: they are encrypted instead, with AES-256-GCM under
// a key derived from AUTH_SECRET for this one purpose. A leaked table alone gives nothing usable.

const VERSION = "v1";
const keys = new Map<string, Buffer>();

function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", getEnv().AUTH_SECRET, "auth-lab", purpose, 32));
    keys.set(purpose, key);
  }
  return key;
}

export function seal(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const body = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** The plaintext, or null for anything not sealed by us for this purpose (or tampered with). */
export function unseal(sealed: string | null | undefined, purpose: string): string | null {
  if (!sealed) return null;
  const [version, iv, body] = sealed.split(".");
  if (version !== VERSION || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
