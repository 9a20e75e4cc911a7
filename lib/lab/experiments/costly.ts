import "server-only";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { proofBudget, waitText } from "@/lib/auth/rate-limit";
import { oneOfFew } from "@/lib/lab/proofs/in-flight";
import { withProofPeople } from "@/lib/lab/proofs/people";
import type { RequestContext } from "@/lib/request-context";
import { fixationExperiment } from "./fixation";
import { takeoverExperiment } from "./takeover";
import { kdfExperiment } from "./kdf";
import { keyRotationExperiment } from "./key-rotation";
import { eventsSince } from "@/lib/auth/events";
import { type ExperimentResult, nothingToTry } from "./result";

// The lab's experiments that cost the server real work or rows: session fixation, the takeover
// attempt and the KDF make throwaway people (argon2id hashes, sign-ins), key rotation makes signing keys. Counted per
// address like the interview room's proofs, and only a few run at once.

type Finish = (
  run: Omit<ExperimentResult, "experiment" | "events" | "ranAt">,
) => Promise<ExperimentResult>;

export async function runCostly(
  name: "fixation" | "kdf" | "key-rotation" | "takeover",
  {
    context,
    people,
    started,
    finish,
  }: { context: RequestContext; people: string[]; started: Date; finish: Finish },
): Promise<ExperimentResult> {
  const verdict = await proofBudget.spend({ ip: context.ip, person: people[0] });
  if (verdict.blocked)
    return nothingToTry(
      name,
      `Too many runs from here. Try again in ${waitText(verdict.retryAfterSeconds)}.`,
    );
  return oneOfFew(async () => {
    if (name === "key-rotation") {
      const jwt = await getCurrentJwt();
      if (!jwt.ok)
        return nothingToTry(name, "Sign in with JWT first: the keys rotated are your sign-in's.");
      return finish(
        await keyRotationExperiment({
          userId: jwt.user.id,
          familyId: jwt.claims.fam,
          epoch: jwt.claims.ver,
          authTime: new Date(jwt.claims.auth_time * 1000),
        }),
      );
    }
    if (name === "takeover")
      return withProofPeople(1, context, async ([victim]) => ({
        experiment: name,
        ...(await takeoverExperiment(victim!)),
        events: await eventsSince([victim!.id], started),
        ranAt: new Date().toISOString(),
      }));
    if (name === "fixation")
      return withProofPeople(2, context, async ([attacker, victim]) => ({
        experiment: name,
        ...(await fixationExperiment(attacker!, victim!)),
        events: await eventsSince([attacker!.id, victim!.id], started),
        ranAt: new Date().toISOString(),
      }));
    const mine = people[0];
    if (mine) return finish({ probes: [], ...(await kdfExperiment(mine)) });
    return withProofPeople(1, context, async ([someone]) => ({
      experiment: name,
      probes: [],
      ...(await kdfExperiment(someone!.id)),
      events: [],
      ranAt: new Date().toISOString(),
    }));
  });
}
