import "server-only";
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import { FLAG_BITS } from "@/lib/auth/passkey/authenticator-data";

// A passkey authenticator in node:crypto, for the lab's passkey experiments and the unit tests:
// an ES256 key that answers registration with attestation "none" and signs assertions, with every
// part an attack gets wrong in its hands (the origin, the RP ID, the flags, the counter, the
// signature), and a clone that copies the key as a synced passkey (or malware) would. What it
// returns is what a browser's PublicKeyCredential.toJSON() gives: base64url everywhere.

export type Flag = keyof typeof FLAG_BITS;

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}

function flagsByte(flags: readonly Flag[]): Buffer {
  return Buffer.from([flags.reduce((byte, flag) => byte | FLAG_BITS[flag], 0)]);
}

export type AnswerOptions = {
  origin?: string;
  rpId?: string;
  /** The flags set; user presence and verification by default (and BE, BS when synced). */
  flags?: readonly Flag[];
  /** The counter to report; by default one more than the last (or always 0 when synced). */
  counter?: number;
  /** Sign, then change one bit of the signature: what a forger without the key can send. */
  forgeSignature?: boolean;
};

type Where = { origin?: string; rpId?: string; synced?: boolean };

type Key = { privateKey: KeyObject; publicKey: KeyObject; credentialId: Buffer };

const newKey = (): Key => ({
  ...generateKeyPairSync("ec", { namedCurve: "P-256" }),
  credentialId: randomBytes(16),
});

export function softwareAuthenticator(where: Where = {}, key: Key = newKey(), startAt = 0) {
  const { origin = "http://localhost:3000", rpId = "localhost", synced = false } = where;
  const { privateKey, publicKey, credentialId } = key;
  const jwk = publicKey.export({ format: "jwk" });
  let counter = startAt;
  const baseFlags: Flag[] = synced ? ["UP", "UV", "BE", "BS"] : ["UP", "UV"];

  const coseKey = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, new Uint8Array(Buffer.from(jwk.x ?? "", "base64url"))],
      [-3, new Uint8Array(Buffer.from(jwk.y ?? "", "base64url"))],
    ]),
  );

  const clientData = (type: string, challenge: string, at: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: at, crossOrigin: false }));

  const nextCounter = (given?: number) => {
    if (given !== undefined) return given;
    if (!synced) counter += 1;
    return counter;
  };

  return {
    id: b64url(credentialId),
    synced,

    /** The counter this authenticator last reported. */
    get counter() {
      return counter;
    },

    /**
     * Another authenticator holding the same private key, with a counter of its own from `from`:
     * a synced copy on another device, or a key extracted by malware.
     */
    clone(from = 0) {
      return softwareAuthenticator({ origin, rpId, synced }, key, from);
    },

    /** The answer to registration options (as PublicKeyCredential.toJSON() gives it). */
    register(challenge: string, options: AnswerOptions = {}) {
      const authData = Buffer.concat([
        sha256(options.rpId ?? rpId),
        flagsByte([...(options.flags ?? baseFlags), "AT"]),
        counterBytes(options.counter ?? counter),
        Buffer.alloc(16), // AAGUID: zeros, as with attestation "none"
        Buffer.from([0, credentialId.length]),
        credentialId,
        Buffer.from(coseKey),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", new Uint8Array(authData)],
        ]) as Parameters<typeof isoCBOR.encode>[0],
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key" as const,
        response: {
          clientDataJSON: b64url(
            clientData("webauthn.create", challenge, options.origin ?? origin),
          ),
          attestationObject: b64url(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
      };
    },

    /** A signed assertion for `challenge`. */
    assert(challenge: string, options: AnswerOptions = {}) {
      const authenticatorData = Buffer.concat([
        sha256(options.rpId ?? rpId),
        flagsByte(options.flags ?? baseFlags),
        counterBytes(nextCounter(options.counter)),
      ]);
      const clientDataJSON = clientData("webauthn.get", challenge, options.origin ?? origin);
      const signature = sign(
        "sha256",
        Buffer.concat([authenticatorData, sha256(clientDataJSON)]),
        privateKey,
      );
      // The last byte of a DER signature is inside s: changing it keeps the encoding valid.
      if (options.forgeSignature) signature[signature.length - 1]! ^= 0x01;
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key" as const,
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
        },
        clientExtensionResults: {},
      };
    },
  };
}
