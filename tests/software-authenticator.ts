import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

// A passkey authenticator in a few lines of node:crypto, for unit tests: it makes an ES256 key,
// answers registration with attestation "none" and signs assertions, with every part a test may
// want to get wrong (the origin, the flags, the counter) in its hands. What a browser would send
// back is what toJSON() gives: base64url everywhere.

const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;
type Flag = keyof typeof FLAGS;

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}

function flagsByte(flags: readonly Flag[]): Buffer {
  return Buffer.from([flags.reduce((byte, flag) => byte | FLAGS[flag], 0)]);
}

export type AnswerOptions = {
  origin?: string;
  rpId?: string;
  /** The flags set; user presence and verification by default. */
  flags?: readonly Flag[];
  /** The counter to report; by default one more than the last (or always 0 when `synced`). */
  counter?: number;
};

export function softwareAuthenticator({
  origin = "http://localhost:3000",
  rpId = "localhost",
  synced = false,
} = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  let counter = 0;
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
