import "server-only";
import { cookies } from "next/headers";
import { eventsSince } from "@/lib/auth/events";
import { experimentBudget, spendOrThrow } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import type { RequestContext } from "@/lib/request-context";
import { runCostly } from "./costly";
import { type Finish, LAB_RUNS } from "./in-lab";
import type { LabExperiment } from "./index";
import type { ExperimentResult } from "./result";

// Runs one of the lab's experiments (./in-lab.ts) with this browser's own
// credentials, and gathers what the run wrote to the auth log for the people this browser is
// signed in as.

export async function runExperiment(
  name: LabExperiment,
  context: RequestContext,
): Promise<ExperimentResult> {
  const started = new Date(Date.now() - 1000);
  const jar = await cookies();
  const held = new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value]));
  // Whose log to read afterwards: whoever this browser is, under any strategy (peeking, no writes).
  const people = (await Promise.all(strategies.map((s) => s.peekUser())))
    .filter((user) => user !== null)
    .map((user) => user.id);
  // Every run sends real requests to this server: counted before any of them.
  await spendOrThrow(experimentBudget, "experiments", { ip: context.ip, person: people[0] });
  const finish: Finish = async (run) => ({
    experiment: name,
    ...run,
    events: await eventsSince([...new Set(people)], started),
    ranAt: new Date().toISOString(),
  });
  const experiment = LAB_RUNS[name];
  const run = { name, context, held, people, started, finish };
  return experiment.costly ? runCostly(run, experiment.run) : experiment.run(run);
}
