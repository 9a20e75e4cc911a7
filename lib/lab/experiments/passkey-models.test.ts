import { describe, expect, it } from "vitest";
import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { softwareAuthenticator } from "@/lib/lab/software-authenticator";
import { runChallengeModels } from "./passkey-models";

// The weaker challenge designs, run on a synced passkey's answer (its counter stays 0): each
// accepts the same answer twice, as the lab says; a changed answer is refused by every one.

const origin = "http://localhost:3000";
const rpId = "localhost";
const challenge = Buffer.from("the challenge the app issued").toString("base64url");

async function setUp() {
  const authenticator = softwareAuthenticator({ origin, rpId, synced: true });
  const { registrationInfo } = await verifyRegistrationResponse({
    response: authenticator.register(challenge),
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpId,
  });
  if (!registrationInfo) throw new Error("registration did not verify");
  return {
    authenticator,
    check: { challenge, origin, rpId, credential: registrationInfo.credential },
  };
}

describe("runChallengeModels", () => {
  it("every weaker design accepts a synced passkey's answer twice", async () => {
    const { authenticator, check } = await setUp();
    const answers = await runChallengeModels(authenticator.assert(challenge), check);
    expect(answers).toHaveLength(3);
    for (const answer of answers) expect([answer.first, answer.replay]).toEqual([true, true]);
  });

  it("none accepts a forged answer, even once", async () => {
    const { authenticator, check } = await setUp();
    const answers = await runChallengeModels(
      authenticator.assert(challenge, { forgeSignature: true }),
      check,
    );
    for (const answer of answers) expect([answer.first, answer.replay]).toEqual([false, false]);
  });
});
