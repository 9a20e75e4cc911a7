import "server-only";
import { randomBytes } from "node:crypto";
import { verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import { softwareAuthenticator } from "./software-authenticator";

// What verifying one passkey assertion costs by itself: the same library call the app's sign-in
// makes (lib/auth/passkey/authentication.ts), on an assertion by the software authenticator,
// with nothing stored. The credential is synced (counter 0), so the one assertion verifies again
// on every call: each call decodes the authenticator data and client data and checks the ES256
// signature from scratch. The lab's cost probe and `npm run bench` both time it.

const ORIGIN = "https://passkey-cost.example";
const RP_ID = "passkey-cost.example";

/** A check to time: resolves true when the prepared assertion verifies. */
export async function preparePasskeyCheck(): Promise<() => Promise<boolean>> {
  const authenticator = softwareAuthenticator({ origin: ORIGIN, rpId: RP_ID, synced: true });
  const challenge = randomBytes(32).toString("base64url");
  const { registrationInfo } = await verifyRegistrationResponse({
    response: authenticator.register(challenge),
    expectedChallenge: challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
  });
  if (!registrationInfo) throw new Error("the software authenticator did not register");
  const response = authenticator.assert(challenge);
  return async () =>
    (
      await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: RP_ID,
        requireUserVerification: true,
        credential: registrationInfo.credential,
      })
    ).verified;
}
