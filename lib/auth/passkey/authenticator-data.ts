// The authenticator data every WebAuthn answer carries, read as anyone holding it can (WebAuthn
// §6.1): the SHA-256 of the RP ID the authenticator signed for, one byte of flags, and the
// signature counter. No secret in it, and no dependency: the server stores the flags it saw, the
// lab decodes the visitor's own answers in their browser with the same reading.

export const FLAG_BITS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40, ED: 0x80 } as const;

export type Flags = Record<keyof typeof FLAG_BITS, boolean>;

/** The flags byte, bit by bit: user present, verified, backup eligible, backed up, and the rest. */
export function flagsOf(byte: number): Flags {
  const entries = Object.entries(FLAG_BITS).map(([name, bit]) => [name, (byte & bit) !== 0]);
  return Object.fromEntries(entries) as Flags;
}

/** "UP=1 UV=1 BE=0 BS=0": the four a passkey's story turns on. */
export const flagsText = ({ UP, UV, BE, BS }: Flags) => `UP=${+UP} UV=${+UV} BE=${+BE} BS=${+BS}`;

export type AuthenticatorData = {
  /** Hex of the RP ID's SHA-256: the site the authenticator signed for. */
  rpIdHash: string;
  flagsByte: number;
  flags: Flags;
  counter: number;
};

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Decodes authenticator data; null when it is too short to be any (37 bytes at least). */
export function readAuthenticatorData(bytes: Uint8Array): AuthenticatorData | null {
  if (bytes.length < 37) return null;
  const flagsByte = bytes[32] ?? 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    rpIdHash: hex(bytes.subarray(0, 32)),
    flagsByte,
    flags: flagsOf(flagsByte),
    counter: view.getUint32(33),
  };
}

/** base64url to bytes, in a browser or in Node. */
export function fromBase64url(value: string): Uint8Array {
  const padded = value.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

/** bytes to base64url, in a browser or in Node. */
export function toBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
