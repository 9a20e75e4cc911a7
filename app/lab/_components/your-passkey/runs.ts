import { getCredential, PasskeyProblem } from "@/app/passkey/_components/webauthn";
import { toBase64url } from "@/lib/auth/passkey/authenticator-data";
import type { Probe } from "@/lib/lab/client/probe";
import {
  counterVerdict,
  otherSiteVerdict,
  refusedAttackVerdict,
  replayVerdict,
  userVerificationSkippedVerdict,
} from "@/lib/lab/experiments/passkey-verdicts";
import type { Fact, Verdict } from "@/lib/lab/experiments/verdict";
import { ask, present, reported, withForgedSignature } from "./ceremony";

// Each passkey attack that can run in the visitor's own browser, with their own passkey and
// authenticator (a phone, a laptop's, a security key, or a virtual one in a test): what the
// browser and the server answered, and the verdict read from it by the same functions the
// server's runs use. A passkey the page can't copy can't be cloned here: the counter run shows
// what a copy would meet instead.

export type BrowserRun = { probes: Probe[]; facts?: Fact[]; verdict: Verdict };

/** The site a phishing page would be on. */
const ELSEWHERE = "attacker.example";

const HONEST = "Honest sign-in with your passkey";

async function honest() {
  const { ceremonyId, assertion, optionsProbe } = await ask(HONEST);
  const sent = await present(HONEST, 200, ceremonyId, assertion);
  return { probes: [optionsProbe, sent.probe], attempt: sent.attempt, assertion, ceremonyId };
}

/** This page asks the browser for another site's passkey, as a phishing page asks for ours. */
async function otherSite(): Promise<BrowserRun> {
  const challenge = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
  let answer: { assertion: boolean; error: string | null };
  try {
    await getCredential({ challenge, rpId: ELSEWHERE, userVerification: "required" });
    answer = { assertion: true, error: null };
  } catch (error) {
    // A cancel is the person's answer, not the browser's: nothing learned, ask again.
    if (error instanceof PasskeyProblem && error.code === "cancelled") throw error;
    answer = { assertion: false, error: error instanceof PasskeyProblem ? error.code : "an error" };
  }
  return {
    probes: [],
    facts: [
      { name: "This page", value: window.location.origin },
      { name: "RP ID asked for", value: ELSEWHERE },
      {
        name: "The browser answered",
        value: answer.assertion ? "an assertion" : String(answer.error),
        note: "No request reached any server: the browser decides before an authenticator is asked.",
      },
    ],
    verdict: otherSiteVerdict(ELSEWHERE, answer),
  };
}

async function forged(): Promise<BrowserRun> {
  const control = await honest();
  const label = "Your signature, one bit changed";
  const { ceremonyId, assertion, optionsProbe } = await ask(label);
  const forgery = await present(label, 401, ceremonyId, withForgedSignature(assertion), {
    name: "changed",
    value: "signature: its last bit flipped",
  });
  const original = await present("The unchanged answer, sent after", 400, ceremonyId, assertion);
  return {
    probes: [...control.probes, optionsProbe, forgery.probe, original.probe],
    verdict: refusedAttackVerdict(
      control.attempt,
      [
        { what: "the forged signature", attempt: forgery.attempt },
        { what: "then the unchanged answer, its challenge used", attempt: original.attempt },
      ],
      {
        refused:
          "The signature is checked against the public key your passkey gave at registration; one bit off and it fails, and the challenge it answered is gone either way",
        worked: "A changed signature, or a used challenge, was accepted",
      },
    ),
  };
}

async function userVerificationSkipped(): Promise<BrowserRun> {
  const control = await honest();
  const label = 'Asked with userVerification "discouraged"';
  const { ceremonyId, assertion, optionsProbe } = await ask(label, {
    userVerification: "discouraged",
  });
  const uv = reported(assertion)?.flags.UV ?? false;
  const attempt = await present(label, uv ? 200 : 401, ceremonyId, assertion, {
    name: "changed",
    value: 'the page asked for userVerification: "discouraged"',
  });
  return {
    probes: [...control.probes, optionsProbe, attempt.probe],
    verdict: userVerificationSkippedVerdict(control.attempt, attempt.attempt, uv),
  };
}

async function replay(): Promise<BrowserRun> {
  const first = await honest();
  const again = await present("The same answer, replayed", 400, first.ceremonyId, first.assertion);
  return {
    probes: [...first.probes, again.probe],
    verdict: replayVerdict(first.attempt, again.attempt, [], []),
  };
}

async function counter(): Promise<BrowserRun> {
  const run = await honest();
  const data = reported(run.assertion);
  return {
    probes: run.probes,
    facts: data
      ? [
          { name: "Counter your passkey reported", value: String(data.counter) },
          { name: "Synced (BE, BS)", value: `BE=${+data.flags.BE} BS=${+data.flags.BS}` },
        ]
      : [],
    verdict: counterVerdict(run.attempt, {
      counter: data?.counter ?? 0,
      synced: data?.flags.BS ?? false,
    }),
  };
}

export const BROWSER_RUNS = {
  "passkey-phishing": {
    run: otherSite,
    what: `Your browser is asked for a passkey for ${ELSEWHERE} from this page, as a phishing page on ${ELSEWHERE} would ask for this site's.`,
    button: "Ask my browser for another site's passkey",
  },
  "passkey-forged": {
    run: forged,
    what: "Your passkey signs in once as it should, then signs again; this page flips one bit of that signature before sending it, then sends the unchanged answer too.",
    button: "Forge my passkey's signature",
  },
  "passkey-uv": {
    run: userVerificationSkipped,
    what: 'After an honest sign-in, this page asks your authenticator with userVerification "discouraged", as a tampered page could: an authenticator that then skips your PIN or biometric answers UV=0.',
    button: "Ask without user verification",
  },
  "passkey-replay": {
    run: replay,
    what: "Your passkey signs in, and this page sends the very same answer again.",
    button: "Replay my passkey's answer",
  },
  "passkey-clone": {
    run: counter,
    what: "No page can copy your passkey's private key. Signing in once shows the counter your passkey reports, and what a copy of it would meet here.",
    button: "Read my passkey's counter",
  },
} as const;

export type BrowserRunName = keyof typeof BROWSER_RUNS;
