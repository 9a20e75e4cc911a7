import "server-only";
import type { LoggedEvent } from "@/lib/auth/events";
import type { Probe } from "@/lib/lab/client/probe";
import type { Fact, Verdict } from "./verdict";

export { attackVerdict, demonstrationVerdict, type Fact, type Verdict } from "./verdict";

// What every experiment answers with: the requests and their answers, a verdict in words, and the
// events the run wrote to the auth log, so a result explains itself.

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
