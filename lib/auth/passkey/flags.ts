import "server-only";
import { decodeAttestationObject } from "@simplewebauthn/server/helpers";
import { FLAG_BITS, fromBase64url, readAuthenticatorData } from "./authenticator-data";
import type { AuthenticationAnswer } from "./schemas";

// The flags byte the server keeps of each passkey (the lab's passkey row shows it): read from the
// authenticator data of the answer that was just verified, so it says what that authenticator
// last reported, not what was assumed.

/** UP and UV: what this server requires of every answer it accepts. */
const REQUIRED = FLAG_BITS.UP | FLAG_BITS.UV;

/** The flags of a verified registration's authenticator data (inside the attestation object). */
export function registrationFlags(attestationObject: Uint8Array<ArrayBuffer>): number {
  const authData = decodeAttestationObject(attestationObject).get("authData");
  return readAuthenticatorData(authData)?.flagsByte ?? REQUIRED;
}

/** The flags of a verified assertion, and its BS bit: whether the passkey is backed up now. */
export function assertionFlags(response: AuthenticationAnswer) {
  const data = readAuthenticatorData(fromBase64url(response.response.authenticatorData));
  const flags = data?.flagsByte ?? REQUIRED;
  return { flags, backedUp: (flags & FLAG_BITS.BS) !== 0 };
}
