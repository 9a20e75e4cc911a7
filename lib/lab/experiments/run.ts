import "server-only";
import { cookies } from "next/headers";
import { eventsSince } from "@/lib/auth/events";
import { experimentBudget, spendOrThrow } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import type { RequestContext } from "@/lib/request-context";
import { runCostly } from "./costly";
import { type Finish, LAB_RUNS } from "./in-lab";
import type { LabExperiment } from "./index";
import { type ExperimentResult, nothingToTry } from "./result";
import type { StrategyId } from "@/lib/auth/names";
import { oauthConfigured } from "@/lib/auth/oauth/providers";
import { needsOf, needsSentence, type SignedIn } from "@/lib/lab/catalogue";
import { endedCauses } from "@/lib/lab/ended";

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
  const users = await Promise.all(strategies.map((s) => s.peekUser()));
  const people = users.filter((user) => user !== null).map((user) => user.id);
  const signedIn: SignedIn = {
    ...(Object.fromEntries(
      strategies.map((strategy, i) => [strategy.id, users[i] !== null]),
    ) as Record<StrategyId, boolean>),
    oauthOffered: oauthConfigured(),
    ended: await endedCauses(),
  };
  // The page may be older than the credentials (an experiment ended one since): say what is
  // missing now, why, and the way forward, before spending anything.
  const needs = needsOf(name, signedIn);
  if (needs)
    return nothingToTry(name, needsSentence(needs), {
      text: needs.cause ? "Sign in again" : "Sign in",
      href: needs.href,
    });
  // Every run sends real requests to this server: counted before any of them.
  await spendOrThrow(experimentBudget, "experiments", { ip: context.ip, person: people[0] });
  const finish: Finish = async (run) => ({
    experiment: name,
    ...run,
    events: await eventsSince([...new Set(people)], started),
    ranAt: new Date().toISOString(),
  });
  const experiment = LAB_RUNS[name];
  const run = { name, context, held, people, signedIn, started, finish };
  return experiment.costly ? runCostly(run, experiment.run) : experiment.run(run);
}
