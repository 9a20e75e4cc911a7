import { describe, expect, it } from "vitest";
import { verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import { softwareAuthenticator } from "./software-authenticator";

// The software authenticator against the library the app verifies with, no app code between:
// its honest answers verify, and each lie it can tell is one the library refuses.

const origin = "http://localhost:3000";
const rpId = "localhost";
const challenge = Buffer.from("a challenge of the test").toString("base64url");

async function registered(synced = false) {
  const authenticator = softwareAuthenticator({ origin, rpId, synced });
  const { registrationInfo } = await verifyRegistrationResponse({
    response: authenticator.register(challenge),
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpId,
    requireUserVerification: true,
  });
  if (!registrationInfo) throw new Error("registration did not verify");
  return { authenticator, credential: registrationInfo.credential, info: registrationInfo };
}

async function verify(
  { credential }: Awaited<ReturnType<typeof registered>>,
  response: ReturnType<ReturnType<typeof softwareAuthenticator>["assert"]>,
  counter = 0,
) {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: true,
      credential: { ...credential, counter },
    });
    return result.verified ? result.authenticationInfo.newCounter : "refused";
  } catch {
    return "refused";
  }
}

describe("the software authenticator", () => {
  it("registers with attestation none, its flags as asked", async () => {
    const device = await registered();
    expect(device.info.fmt).toBe("none");
    expect(device.info.credential.id).toBe(device.authenticator.id);
    expect(device.info.credentialBackedUp).toBe(false);
    const synced = await registered(true);
    expect(synced.info.credentialDeviceType).toBe("multiDevice");
    expect(synced.info.credentialBackedUp).toBe(true);
  });

  it("signs assertions that verify, its counter going up (or staying 0 when synced)", async () => {
    const device = await registered();
    expect(await verify(device, device.authenticator.assert(challenge))).toBe(1);
    expect(await verify(device, device.authenticator.assert(challenge), 1)).toBe(2);
    const synced = await registered(true);
    expect(await verify(synced, synced.authenticator.assert(challenge))).toBe(0);
  });

  it("tells each lie the library refuses", async () => {
    const device = await registered();
    const { authenticator } = device;
    expect(
      await verify(device, authenticator.assert(challenge, { origin: "https://attacker.example" })),
    ).toBe("refused");
    expect(
      await verify(device, authenticator.assert(challenge, { rpId: "attacker.example" })),
    ).toBe("refused");
    expect(await verify(device, authenticator.assert(challenge, { forgeSignature: true }))).toBe(
      "refused",
    );
    expect(await verify(device, authenticator.assert(challenge, { flags: ["UP"] }))).toBe(
      "refused",
    );
  });

  it("clones: the copy signs with the same key from a counter of its own", async () => {
    const device = await registered();
    device.authenticator.assert(challenge);
    device.authenticator.assert(challenge);
    expect(device.authenticator.counter).toBe(2);
    const copy = device.authenticator.clone(1);
    expect(copy.id).toBe(device.authenticator.id);
    // The copy's 2 is not above the 2 the server saw last: refused like a clone.
    expect(await verify(device, copy.assert(challenge), 2)).toBe("refused");
    const synced = await registered(true);
    expect(await verify(synced, synced.authenticator.clone().assert(challenge))).toBe(0);
  });
});
