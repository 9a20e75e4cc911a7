import { attackVerdict, demonstrationVerdict, type Verdict } from "./verdict";

// The passkey experiments' verdicts, from the statuses that came back (and, for the replay, what
// the models of weaker designs answered): pure, so each reading is unit-tested. An honest sign-in
// runs first in every experiment: when it fails, a refusal proves nothing and the verdict says so.

/** What a sign-in attempt came back with. */
export type Attempt = { status: number; code?: string | null };

const accepted = (attempt: Attempt) => attempt.status === 200;
const said = (attempt: Attempt) => `${attempt.status}${attempt.code ? ` ${attempt.code}` : ""}`;

const honestFailed = (control: Attempt): Verdict | null =>
  accepted(control)
    ? null
    : {
        outcome: "nothing-to-try",
        headline: "The honest sign-in failed",
        reason: `The passkey's own, unchanged sign-in was answered ${said(control)}, so a refusal of a changed one would prove nothing.`,
      };

/** Every changed assertion refused, after the honest one was accepted. */
export function refusedAttackVerdict(
  control: Attempt,
  attacks: { what: string; attempt: Attempt }[],
  words: { refused: string; worked: string },
): Verdict {
  const failed = honestFailed(control);
  if (failed) return failed;
  const through = attacks.filter(({ attempt }) => attempt.status < 400);
  return attackVerdict(through.length === 0, {
    refused: `${words.refused} (${attacks.map(({ what, attempt }) => `${what}: ${said(attempt)}`).join("; ")}).`,
    worked: `${words.worked}: ${through.map(({ what, attempt }) => `${what} was answered ${said(attempt)}`).join("; ")}.`,
  });
}

/**
 * The clone: a device-bound passkey's copy with a lower counter should be refused; a synced
 * passkey's copy (its counter always 0) is accepted, and the verdict says that plainly.
 */
export function cloneVerdict(
  controls: { deviceBound: Attempt; synced: Attempt },
  clones: { lowerCounter: Attempt; zeroCounter: Attempt },
): Verdict {
  const failed = honestFailed(controls.deviceBound) ?? honestFailed(controls.synced);
  if (failed) return failed;
  const lowerRefused = clones.lowerCounter.status >= 400;
  const zeroAccepted = accepted(clones.zeroCounter);
  if (!lowerRefused)
    return {
      outcome: "worked",
      headline: "A clone with a lower counter was accepted",
      reason: `The copy of the device-bound passkey, its counter behind the one the server stored, was answered ${said(clones.lowerCounter)}: the counter check did not hold.`,
    };
  if (zeroAccepted)
    return {
      outcome: "partly",
      headline: "The lower counter was refused; the counter-0 clone was accepted",
      reason: `The device-bound copy, behind the stored counter, was refused (${said(clones.lowerCounter)}). The synced passkey's copy reports 0 like the original, and was accepted (${said(clones.zeroCounter)}): a synced passkey lives on every device of its account, so the server cannot tell a copy from the original. What protects it is the sync provider's account and its end-to-end encryption, not the server; the challenge still stops a replay, but a copy of the key signs fresh challenges.`,
    };
  return {
    outcome: "refused",
    headline: "Both clones refused",
    reason: `The lower counter was refused (${said(clones.lowerCounter)}) and so was the counter-0 copy (${said(clones.zeroCounter)}), which WebAuthn allows and synced passkeys do: this server refuses more than the specification asks.`,
  };
}

/** A weaker challenge design, run in this process as a model, and what it answered. */
export type ModelAnswer = { design: string; first: boolean; replay: boolean; how: string };

/** The replay: the real app's answer (a real request), and the models' beside it. */
export function replayVerdict(
  control: Attempt,
  replay: Attempt,
  race: Attempt[],
  models: ModelAnswer[],
): Verdict {
  const failed = honestFailed(control);
  if (failed) return failed;
  const raceWins = race.filter(accepted).length;
  const refused = replay.status >= 400 && raceWins <= 1;
  const weaker = models.filter((model) => model.first && model.replay);
  // A run in the visitor's browser races nothing and models nothing: its verdict says neither.
  const raceSaid =
    race.length > 0 ? ` Of two identical answers sent at once, ${raceWins} was accepted.` : "";
  const modelsSaid =
    models.length === 0
      ? ""
      : weaker.length > 0
        ? ` The models of weaker designs (run in this process, not this app) accepted the same answer twice: ${weaker.map((model) => `${model.design} (${model.how})`).join("; ")}.`
        : " None of the models of weaker designs accepted it twice either.";
  return attackVerdict(refused, {
    refused: `The replayed answer was refused (${said(replay)}): its challenge was taken away by the first answer, before verification, so a copy of the answer is worth nothing, whatever the counter says.${raceSaid}${modelsSaid}`,
    worked: `The app accepted the same answer again: the replay was answered ${said(replay)}.${raceSaid}${modelsSaid}`,
  });
}

/**
 * The leak: the leaked credential id signed with the attacker's own key must be refused, and one
 * guess against the leaked password hash, checked offline, matches (the run knows the password).
 */
export function leakVerdict(attempt: Attempt, guessed: boolean, guessMs: number): Verdict {
  const refused = attempt.status >= 400;
  return demonstrationVerdict(refused && guessed, {
    held: [
      "The passkey table leaks nothing to sign in with",
      `The passkey row is a credential id and a public key: the leaked id signed with the attacker's own key was refused (${said(attempt)}). The password hash, by contrast, confirmed a guess offline in ${guessMs.toFixed(0)} ms, with no server to rate-limit it: a weak or reused password falls to a dictionary.`,
    ],
    failed: [
      "The leak did not go as predicted",
      refused
        ? "The password guess did not match the leaked hash: the run's own password should have."
        : `The leaked credential id with the attacker's key was answered ${said(attempt)}: a public key alone must never sign anyone in.`,
    ],
  });
}

/**
 * A page asked the browser for another site's passkey (RP ID `asked`): what the browser answered.
 * An assertion for another site is the attack working; any refusal, before an authenticator was
 * asked, is the browser's phishing resistance.
 */
export function otherSiteVerdict(
  asked: string,
  answer: { assertion: boolean; error: string | null },
): Verdict {
  return attackVerdict(!answer.assertion, {
    refused: [
      "Refused by your browser",
      `Your browser answered ${answer.error ?? "nothing"} and asked no authenticator: a page may ask only for the passkeys of its own site (the RP ID must be its host or a domain it belongs to), and this page is not ${asked}. A phishing page on ${asked} asking for this site's passkeys gets the same refusal: there is no answer to relay, whatever the person clicks.`,
    ],
    worked: `Your browser made an assertion for RP ID ${asked} from a page of another site: it should have refused.`,
  });
}

/**
 * The page asked with user verification "discouraged", as a tampered page could. `uv`: the flag
 * the answer came back with. Only an answer without it tests the server's check.
 */
export function userVerificationSkippedVerdict(
  control: Attempt,
  attempt: Attempt,
  uv: boolean,
): Verdict {
  const failed = honestFailed(control);
  if (failed) return failed;
  if (uv)
    return {
      outcome: "nothing-to-try",
      headline: "Your authenticator verified you anyway",
      reason: `Asked not to bother, your authenticator still checked your PIN or biometric (UV=1), so nothing was missing and the server accepted it (${said(attempt)}). The software authenticator's run shows the refusal of an answer without it.`,
    };
  return attackVerdict(attempt.status >= 400, {
    refused: `The answer came back with UV=0 (presence only, no PIN or biometric) and the server refused it (${said(attempt)}): it asks for user verification and checks the flag in the signed authenticator data, whatever the page asked the browser for.`,
    worked: `An answer without user verification (UV=0) was accepted (${said(attempt)}): the server must check the flag, not trust the page's request.`,
  });
}

/** What the visitor's own passkey's counter means for a copy of it. */
export function counterVerdict(
  control: Attempt,
  seen: { counter: number; synced: boolean },
): Verdict {
  const failed = honestFailed(control);
  if (failed) return failed;
  if (seen.counter === 0)
    return {
      outcome: "shown",
      headline: "Your passkey reports counter 0",
      reason: `Your passkey signed with a counter of 0${seen.synced ? " and says it is synced (BS=1)" : ""}, as synced passkeys do: the server can't tell a copy of it from the original, like the counter-0 clone in the run above. What protects it is the account it syncs through.`,
    };
  return {
    outcome: "shown",
    headline: `Your passkey's counter is ${seen.counter}`,
    reason: `Your passkey signed with counter ${seen.counter}, and the server now holds it: a copy of this key would be caught the first time both it and the original have signed in, because whichever comes second reports a counter the server has seen already, and is refused like the lower-counter clone in the run above.`,
  };
}
