import "server-only";
import type { LoggedEvent } from "@/lib/auth/events";
import type { Probe } from "@/lib/lab/client/probe";

// What every experiment answers with: the requests and their answers, a verdict in words, and the
// events the run wrote to the auth log, so a result explains itself.

/**
 * An attack is refused, worked, or partly worked; a demonstration is shown (it proves a property,
 * nobody attacks anything); or there was nothing to try yet.
 */
export type Outcome = "refused" | "worked" | "partly" | "shown" | "nothing-to-try";
export type Verdict = { outcome: Outcome; headline: string; reason: string };
/** A measured or observed value the result rests on (a size, a time, a decoded claim). */
export type Fact = { name: string; value: string; note?: string };

export type ExperimentResult = {
  experiment: string;
  probes: Probe[];
  /** What was observed besides requests: decoded claims, sizes, timings. */
  facts?: Fact[];
  verdict: Verdict;
  events: LoggedEvent[];
  /** A run that could not run: the link that gets what it lacked (a sign-in, usually). */
  wayForward?: { text: string; href: string };
  /** The replay experiment: until when a stateless service still accepts the copied token. */
  downstreamAcceptsUntil?: number | null;
  ranAt: string;
};

/** What to say either way: a reason alone (the headline is "Attack refused" or "Attack worked"), or [headline, reason]. */
type Words = string | [headline: string, reason: string];

/** The verdict on an attack, from whether what happened is what the defence predicts. */
export function attackVerdict(refused: boolean, words: { refused: Words; worked: Words }): Verdict {
  const said = refused ? words.refused : words.worked;
  const [headline, reason] =
    typeof said === "string" ? [refused ? "Attack refused" : "Attack worked", said] : said;
  return { outcome: refused ? "refused" : "worked", headline, reason };
}

/**
 * The verdict on a demonstration: the property was shown, or it did not hold (then it is a
 * finding, said as one). Each side has its own headline and reason: never the lesson's sentence
 * over a result that contradicts it.
 */
export function demonstrationVerdict(
  held: boolean,
  words: { held: [headline: string, reason: string]; failed: [headline: string, reason: string] },
): Verdict {
  const [headline, reason] = held ? words.held : words.failed;
  return { outcome: held ? "shown" : "worked", headline, reason };
}

/** A run that could not run: `needs` says what is missing in this browser (and why) and the way forward. */
export const nothingToTry = (
  experiment: string,
  needs: string,
  wayForward?: { text: string; href: string },
): ExperimentResult => ({
  experiment,
  probes: [],
  verdict: { outcome: "nothing-to-try", headline: "Nothing to try yet", reason: needs },
  events: [],
  ...(wayForward ? { wayForward } : {}),
  ranAt: new Date().toISOString(),
});

/** Codes of the refusals, for a reason sentence: "bad_signature, invalid_token". */
export const codesOf = (probes: Probe[]) =>
  [...new Set(probes.filter((p) => p.status >= 400).map((p) => p.code ?? String(p.status)))].join(
    ", ",
  );
