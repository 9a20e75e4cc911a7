// How a verdict is said, from what happened: pure, with nothing of the server in it, so the lab
// reaches the same verdicts in the visitor's browser (where a passkey attack can run there)
// as on the server.

/**
 * An attack is refused, worked, or partly worked; a demonstration is shown (it proves a property,
 * nobody attacks anything); or there was nothing to try yet.
 */
export type Outcome = "refused" | "worked" | "partly" | "shown" | "nothing-to-try";
export type Verdict = { outcome: Outcome; headline: string; reason: string };
/** A measured or observed value the result rests on (a size, a time, a decoded claim). */
export type Fact = { name: string; value: string; note?: string };

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
