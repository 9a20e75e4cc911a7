import "server-only";
import { type CryptoKey, type JWK, type JWSHeaderParameters, importJWK } from "jose";
import type { Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { SIGNING_ALGORITHM } from "./config";
import { labSigningKey, labVerificationKey, publishedLabJwks } from "./lab-keys";

// Signing keys come from JWT_PRIVATE_KEYS (newest first): the first signs, all of them verify,
// so a key can be rotated without signing anyone out. They are imported once per process.

export type SigningKey = { kid: string; key: CryptoKey };

type KeyRing = { signing: SigningKey; verifying: Map<string, CryptoKey>; publicJwks: JWK[] };
let ring: Promise<KeyRing> | undefined;

function loadKeyRing(): Promise<KeyRing> {
  ring ??= (async () => {
    const privateJwks = getEnv().JWT_PRIVATE_KEYS;
    const verifying = new Map<string, CryptoKey>();
    const publicJwks: JWK[] = [];
    let signing: SigningKey | undefined;
    for (const jwk of privateJwks) {
      // The public half, field by field: nothing private can slip into the JWKS.
      const publicPart = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid: jwk.kid };
      const privateKey = (await importJWK(
        { ...jwk, alg: SIGNING_ALGORITHM },
        SIGNING_ALGORITHM,
      )) as CryptoKey;
      const publicKey = (await importJWK(
        { ...publicPart, alg: SIGNING_ALGORITHM },
        SIGNING_ALGORITHM,
      )) as CryptoKey;
      signing ??= { kid: jwk.kid, key: privateKey };
      verifying.set(jwk.kid, publicKey);
      publicJwks.push({ ...publicPart, alg: SIGNING_ALGORITHM, use: "sig" });
    }
    if (!signing) throw new Error("JWT_PRIVATE_KEYS holds no key");
    return { signing, verifying, publicJwks };
  })();
  return ring;
}

/** The key that signs a family's access tokens: the lab's, if it rotated them; else the newest configured one. */
export async function signingKey(familyId?: string, db?: Tx): Promise<SigningKey> {
  return (familyId && (await labSigningKey(familyId, db))) || (await loadKeyRing()).signing;
}

/** The public half of every key, for /.well-known/jwks.json: the configured ones, then the lab's. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [...(await loadKeyRing()).publicJwks, ...(await publishedLabJwks())] };
}

/**
 * jose's key resolver: the key named by `kid`, or an error for any kid we never issued (or have
 * retired). Configured keys are a map lookup; a lab key is one lookup by its kid (lab-keys.ts).
 */
export async function verificationKey(header: JWSHeaderParameters): Promise<CryptoKey> {
  if (typeof header.kid !== "string") throw new UnknownKeyError();
  const key =
    (await loadKeyRing()).verifying.get(header.kid) ?? (await labVerificationKey(header.kid))?.key;
  if (!key) throw new UnknownKeyError();
  return key;
}

/** Whether `kid` names one of the configured keys (fixed for the process's life; a lab key is not). */
export async function isConfiguredKid(kid: unknown): Promise<boolean> {
  return typeof kid === "string" && (await loadKeyRing()).verifying.has(kid);
}

export class UnknownKeyError extends Error {
  constructor() {
    super("unknown key id");
  }
}
