import "server-only";
import { costlyRunBudget, waitText } from "@/lib/auth/rate-limit";
import { oneOfFew } from "@/lib/lab/experiments/in-flight";
import type { Run } from "./in-lab";
import { type ExperimentResult, nothingToTry } from "./result";

// The lab's experiments that cost the server real work or rows (the registry marks them costly:
// throwaway people with argon2id hashes and sign-ins, or signing keys). Counted per address like
// the standalone runs (./standalone.ts), and only a few run at once.

export async function runCostly(
  run: Run,
  work: (run: Run) => Promise<ExperimentResult>,
): Promise<ExperimentResult> {
  const verdict = await costlyRunBudget.spend({ ip: run.context.ip, person: run.people[0] });
  if (verdict.blocked)
    return nothingToTry(
      run.name,
      `Too many runs from here. Try again in ${waitText(verdict.retryAfterSeconds)}.`,
    );
  return oneOfFew(() => work(run));
}
