import "server-only";
import { relyingParty } from "@/lib/auth/passkey/config";
import { passkeyForAssertion } from "@/lib/auth/passkey/passkeys";
import type { Probe } from "@/lib/lab/client/probe";
import type { ThrowawayPerson } from "@/lib/lab/people";
import {
  assertionSent,
  attemptSignIn,
  presentAssertion,
  registerPasskey,
  signInOptions,
} from "./passkey-kit";
import { runChallengeModels } from "./passkey-models";
import { cloneVerdict, refusedAttackVerdict, replayVerdict } from "./passkey-verdicts";
import type { Fact, Verdict } from "./result";

// The passkey attacks, each against this server with a passkey a throwaway person registered just
// now through the app's routes (./passkey-kit.ts): an honest sign-in first, then the same
// authenticator made to lie as the attack needs. Every verdict reads the statuses that came back.

type Ran = { probes: Probe[]; facts?: Fact[]; verdict: Verdict };

const HONEST = { label: "Honest sign-in", expected: 200 } as const;

export async function phishingExperiment(person: ThrowawayPerson): Promise<Ran> {
  const { authenticator, probes } = await registerPasskey(person);
  const control = await attemptSignIn(authenticator, HONEST);
  // A phishing page relays the real challenge; the browser writes the page's own origin into
  // clientDataJSON, and an authenticator asked by that page signs for the page's RP ID.
  const origin = await attemptSignIn(
    authenticator,
    { label: "From https://attacker.example (clientDataJSON origin)", expected: 401 },
    { origin: "https://attacker.example" },
  );
  const rpId = await attemptSignIn(
    authenticator,
    { label: "Signed for RP ID attacker.example (rpIdHash)", expected: 401 },
    { rpId: "attacker.example" },
  );
  for (const attempt of [origin, rpId])
    attempt.probe.sent = assertionSent(
      attempt.assertion,
      attempt === origin
        ? "origin: https://attacker.example"
        : "rpIdHash: SHA-256(attacker.example)",
    );
  return {
    probes: [...probes, ...control.probes, ...origin.probes, ...rpId.probes],
    facts: [
      {
        name: "Expected origin and RP ID",
        value: `${relyingParty().origin}, ${relyingParty().id}`,
      },
    ],
    verdict: refusedAttackVerdict(
      control.probe,
      [
        { what: "another origin", attempt: origin.probe },
        { what: "another RP ID", attempt: rpId.probe },
      ],
      {
        refused:
          "An assertion made on another site names that site: the origin in clientDataJSON and the RP ID's hash in the authenticator data are signed, and this server accepts only its own. A phishing page can relay the challenge, never make an answer that passes here",
        worked: "An assertion made for another site was accepted",
      },
    ),
  };
}

/** One lie the authenticator tells, refused or not, after an honest sign-in. */
async function oneLie(
  person: ThrowawayPerson,
  label: string,
  lie: Parameters<typeof attemptSignIn>[2],
  changed: string,
  words: { refused: string; worked: string },
): Promise<Ran> {
  const { authenticator, probes } = await registerPasskey(person);
  const control = await attemptSignIn(authenticator, HONEST);
  const attack = await attemptSignIn(authenticator, { label, expected: 401 }, lie);
  attack.probe.sent = assertionSent(attack.assertion, changed);
  return {
    probes: [...probes, ...control.probes, ...attack.probes],
    verdict: refusedAttackVerdict(control.probe, [{ what: label, attempt: attack.probe }], words),
  };
}

export const forgedSignatureExperiment = (person: ThrowawayPerson) =>
  oneLie(person, "A forged signature", { forgeSignature: true }, "signature: one bit changed", {
    refused:
      "The signature is checked against the public key stored at registration; without the private key, which never left the authenticator, nobody makes one that verifies",
    worked: "A signature made without the private key was accepted",
  });

export const userVerificationExperiment = (person: ThrowawayPerson) =>
  oneLie(person, "User verification missing (UV flag off)", { flags: ["UP"] }, "flags: UV=0", {
    refused:
      "The server asks for user verification and checks the UV flag at verify: a touch without the PIN or biometric (or an authenticator that skipped it) is not a sign-in",
    worked: "An assertion without user verification was accepted",
  });

export async function cloneExperiment(person: ThrowawayPerson): Promise<Ran> {
  const device = await registerPasskey(person, { name: "Device-bound key" });
  const synced = await registerPasskey(person, { synced: true, name: "Synced key" });
  const first = await attemptSignIn(device.authenticator, HONEST);
  const second = await attemptSignIn(device.authenticator, {
    label: "Honest sign-in again (counter goes up)",
    expected: 200,
  });
  // The copy was taken when the counter stood at 1: its next assertion says 2, not above the 2
  // the server has seen.
  const lower = await attemptSignIn(device.authenticator.clone(1), {
    label: "The device-bound key's clone, counter behind",
    expected: 401,
  });
  lower.probe.sent = assertionSent(lower.assertion, "a copy of the key, its own counter");
  const syncedHonest = await attemptSignIn(synced.authenticator, {
    label: "Synced passkey: honest sign-in (counter 0)",
    expected: 200,
  });
  const zero = await attemptSignIn(synced.authenticator.clone(), {
    label: "The synced key's clone, counter 0",
    // The honest lesson: WebAuthn accepts a counter that stays 0.
    expected: 200,
  });
  zero.probe.sent = assertionSent(zero.assertion, "a copy of the key, counter 0");
  return {
    probes: [
      ...device.probes,
      ...synced.probes,
      ...[first, second, lower, syncedHonest, zero].flatMap((attempt) => attempt.probes),
    ],
    facts: [
      {
        name: "Device-bound counter the server stored",
        value: String(device.authenticator.counter),
      },
      { name: "Synced passkey's counter", value: "0 (always)" },
    ],
    verdict: cloneVerdict(
      { deviceBound: second.probe, synced: syncedHonest.probe },
      { lowerCounter: lower.probe, zeroCounter: zero.probe },
    ),
  };
}

export async function passkeyReplayExperiment(person: ThrowawayPerson): Promise<Ran> {
  // A synced passkey: its counter stays 0, so only the challenge can stop a replay.
  const { authenticator, probes } = await registerPasskey(person, { synced: true });
  const honest = await attemptSignIn(authenticator, HONEST);
  const replay = await presentAssertion(
    { label: "The same answer, replayed", expected: 400 },
    honest.ceremonyId,
    honest.assertion,
  );
  // Two identical answers at once: the store's atomic take lets one through.
  const options = await signInOptions("Race: options");
  const raced = authenticator.assert(options.challenge);
  const race = await Promise.all(
    [1, 2].map((n) =>
      presentAssertion(
        { label: `Race: the same answer, copy ${n} at once`, expected: 200 },
        options.ceremonyId,
        raced,
      ),
    ),
  );
  // Either copy may win: the expectation is one accepted, the other refused.
  const winner = Math.max(
    0,
    race.findIndex((r) => r.probe.status === 200),
  );
  race.forEach(({ probe }, i) => {
    probe.expected = i === winner ? 200 : 400;
    probe.asExpected = probe.status === probe.expected;
  });
  const stored = await passkeyForAssertion(authenticator.id);
  if (!stored) throw new Error("the passkey just registered is not stored");
  const rp = relyingParty();
  const models = await runChallengeModels(honest.assertion, {
    challenge: honest.challenge,
    origin: rp.origin,
    rpId: rp.id,
    credential: {
      id: stored.credentialId,
      publicKey: new Uint8Array(stored.publicKey),
      counter: 0,
      transports: [],
    },
  });
  return {
    probes: [...probes, ...honest.probes, replay.probe, options.probe, ...race.map((r) => r.probe)],
    facts: models.map((model) => ({
      name: `Model (not this app): ${model.design}`,
      value: `first ${model.first ? "accepted" : "refused"}, replay ${model.replay ? "accepted" : "refused"}`,
      note: model.how,
    })),
    verdict: replayVerdict(
      honest.probe,
      replay.probe,
      race.map((r) => r.probe),
      models,
    ),
  };
}
