import "server-only";
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  importSPKI,
  type JSONWebKeySet,
  jwtVerify,
} from "jose";
import { z } from "zod";

// "Paste any JWT", checked against a key the person pastes (jwt.io's "verify signature"): a JWK, a
// JWKS, or a PEM public key. Only the signature and the time claims are checked (whose token it
// is, and for what, is the issuer's business). A private key is refused unread: it must never be
// pasted anywhere, and verifying needs only the public half. Nothing is fetched, kept or sent.

export type KeyVerdict = {
  valid: boolean;
  reason:
    | "valid"
    | "malformed"
    | "private_key"
    | "key_unreadable"
    | "unknown_key"
    | "algorithm_not_allowed"
    | "bad_signature"
    | "expired"
    | "not_yet_valid";
  message: string;
};

/** Signature algorithms a public key can verify; never "none", never a shared secret (HS*). */
const ASYMMETRIC = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
] as const;

const jwk = z.object({ kty: z.string() }).passthrough();
const keySet = z.object({ keys: z.array(jwk).min(1).max(20) });

const verdict = (valid: boolean, reason: KeyVerdict["reason"], message: string): KeyVerdict => ({
  valid,
  reason,
  message,
});

/** The pasted text as a key source for jose, or why it can't be one. */
async function keyFrom(text: string, alg: string) {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
    if (!(ASYMMETRIC as readonly string[]).includes(alg))
      return verdict(
        false,
        "algorithm_not_allowed",
        `The token's header says "alg": "${alg}", which a public key can't verify (only RS*, PS*, ES* and EdDSA).`,
      );
    try {
      return await importSPKI(trimmed, alg);
    } catch {
      return verdict(
        false,
        "key_unreadable",
        `The PEM block is not a public key usable with ${alg} (an RSA key for RS*/PS*, an EC key on the right curve for ES*, Ed25519 for EdDSA).`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return verdict(
      false,
      "key_unreadable",
      "The key is neither JSON (a JWK or a JWKS) nor a PEM block starting -----BEGIN PUBLIC KEY-----.",
    );
  }
  const set = keySet.safeParse(parsed);
  const one = jwk.safeParse(parsed);
  if (!set.success && !one.success)
    return verdict(
      false,
      "key_unreadable",
      'The JSON is not a JWK (no "kty") or a JWKS (no "keys").',
    );
  const keys = (set.success ? set.data.keys : [one.data]) as JSONWebKeySet["keys"];
  return createLocalJWKSet({ keys });
}

/** Verifies `token`'s signature (and exp/nbf) with the pasted `keyText`, and says why in words. */
export async function verifyWithPastedKey(token: string, keyText: string): Promise<KeyVerdict> {
  // Before anything else, whatever the token: a private key is not read.
  if (/PRIVATE KEY-----/.test(keyText) || /"d"\s*:/.test(keyText))
    return verdict(
      false,
      "private_key",
      "That is a private key: never paste one anywhere. Verifying needs only the public half (the JWKS, or the PEM block that says PUBLIC KEY).",
    );
  let alg: string;
  try {
    alg = String(decodeProtectedHeader(token).alg ?? "");
  } catch {
    return verdict(
      false,
      "malformed",
      "Malformed: not a JWS in compact form (header.payload.signature).",
    );
  }
  const key = await keyFrom(keyText, alg);
  if ("valid" in key) return key;
  try {
    await jwtVerify(token, key, { algorithms: [...ASYMMETRIC] });
    return verdict(
      true,
      "valid",
      `Valid signature: ${alg} under the key you pasted, and it is within its exp and nbf. (Only the signature and times are checked: iss and aud say whose token it is, which is for its issuer to decide.)`,
    );
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return verdict(
        false,
        "expired",
        "The signature is good under your key, but its exp is past.",
      );
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf")
      return verdict(
        false,
        "not_yet_valid",
        "The signature is good, but its nbf is in the future.",
      );
    if (error instanceof errors.JOSEAlgNotAllowed)
      return verdict(
        false,
        "algorithm_not_allowed",
        `Algorithm not allowed: "alg": "${alg}". A public key verifies RS*, PS*, ES* or EdDSA only; never "none", never an HMAC secret.`,
      );
    if (error instanceof errors.JWKSNoMatchingKey)
      return verdict(
        false,
        "unknown_key",
        "No key you pasted matches the token's header (its kid, or its algorithm's key type).",
      );
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return verdict(
        false,
        "bad_signature",
        "Bad signature: this header and payload were not signed by the key you pasted (or were changed after signing).",
      );
    return verdict(false, "malformed", "Malformed: the token's parts or claims can't be read.");
  }
}
