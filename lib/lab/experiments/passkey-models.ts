import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  type AuthenticationResponseJSON,
  verifyAuthenticationResponse,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import type { ModelAnswer } from "./passkey-verdicts";

// Three weaker ways to keep a passkey challenge, as small models run in this process (never this
// app's way: it takes the challenge from a shared store before verifying). Each is given the
// challenge the app issued and the same answer twice, and verifies it with the same library and
// the stored public key; what each accepts is computed here, not asserted.

type Model = {
  design: string;
  /** The honest answer, then the same answer replayed: accepted or not, each. */
  run(answer: AuthenticationResponseJSON): Promise<{ first: boolean; replay: boolean }>;
  how: (replayAccepted: boolean) => string;
};

type Check = { challenge: string; origin: string; rpId: string; credential: WebAuthnCredential };

async function verifies(answer: AuthenticationResponseJSON, check: Check): Promise<boolean> {
  try {
    const result = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge: check.challenge,
      expectedOrigin: check.origin,
      expectedRPID: check.rpId,
      requireUserVerification: true,
      credential: check.credential,
    });
    // A counter of 0 stays 0: the stored counter moves only when the authenticator's does.
    if (result.verified) check.credential.counter = result.authenticationInfo.newCounter;
    return result.verified;
  } catch {
    return false;
  }
}

/** (a) The challenge rides in a signed cookie; the server keeps no record of it. */
function signedCookie(check: Check): Model {
  const key = randomBytes(32);
  const mac = (value: string) => createHmac("sha256", key).update(value).digest();
  const cookie = { challenge: check.challenge, mac: mac(check.challenge) };
  const present = (answer: AuthenticationResponseJSON) =>
    timingSafeEqual(cookie.mac, mac(cookie.challenge)) &&
    verifies(answer, { ...check, challenge: cookie.challenge });
  return {
    design: "a signed challenge cookie, no server record",
    run: async (answer) => ({ first: await present(answer), replay: await present(answer) }),
    how: (ok) =>
      ok
        ? "the cookie still verifies and nothing says it was used"
        : "the library refused the second answer",
  };
}

/** (b) A row per challenge, deleted only when a sign-in succeeds: two answers at once both find it. */
function deleteOnSuccess(check: Check): Model {
  const rows = new Map([["ceremony", check.challenge]]);
  const present = async (answer: AuthenticationResponseJSON) => {
    const challenge = rows.get("ceremony");
    if (!challenge) return false;
    const ok = await verifies(answer, { ...check, challenge });
    if (ok) rows.delete("ceremony");
    return ok;
  };
  return {
    design: "a row deleted on success only, the replay sent at the same moment",
    run: async (answer) => {
      const [first, replay] = await Promise.all([present(answer), present(answer)]);
      return { first, replay };
    },
    how: (ok) =>
      ok
        ? "both answers read the row before either deleted it"
        : "the second answer found the row gone",
  };
}

/** (c) Used challenges remembered in each instance's memory: the replay goes to another one. */
function inMemorySet(check: Check): Model {
  const instances = [new Set<string>(), new Set<string>()];
  const present = async (instance: Set<string>, answer: AuthenticationResponseJSON) => {
    if (instance.has(check.challenge)) return false;
    const ok = await verifies(answer, check);
    if (ok) instance.add(check.challenge);
    return ok;
  };
  return {
    design: "an in-memory set of used challenges, the replay sent to a second instance",
    run: async (answer) => ({
      first: await present(instances[0]!, answer),
      replay: await present(instances[1]!, answer),
    }),
    how: (ok) =>
      ok ? "the second instance's set never saw the challenge" : "the second instance refused it",
  };
}

/** Runs each model on the same answer, each with its own copy of the stored credential. */
export async function runChallengeModels(
  answer: AuthenticationResponseJSON,
  check: Check,
): Promise<ModelAnswer[]> {
  const fresh = (): Check => ({ ...check, credential: { ...check.credential } });
  const models = [signedCookie(fresh()), deleteOnSuccess(fresh()), inMemorySet(fresh())];
  const answers: ModelAnswer[] = [];
  for (const model of models) {
    const { first, replay } = await model.run(answer);
    answers.push({ design: model.design, first, replay, how: model.how(replay) });
  }
  return answers;
}
