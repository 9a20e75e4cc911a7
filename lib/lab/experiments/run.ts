import "server-only";
import { cookies } from "next/headers";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { clearTokenCookies } from "@/lib/auth/jwt/cookies";
import { clearOAuthSessionCookie } from "@/lib/auth/oauth/cookie";
import { peekOAuthUser } from "@/lib/auth/oauth/sessions";
import { deleteSessionCookie } from "@/lib/auth/session/cookie";
import { experimentBudget, spendOrThrow } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import type { RequestContext } from "@/lib/request-context";
import { crossSiteExperiment } from "./cross-site";
import { delegatedExperiment } from "./delegated";
import { forgedAlgorithmExperiment } from "./forged-alg";
import { refreshReuseExperiment } from "./refresh-reuse";
import { replayExperiment } from "./replay";
import { eventsSince } from "@/lib/auth/events";
import { type ExperimentResult, nothingToTry } from "./result";
import { tamperExperiment } from "./tamper";
import { runCostly } from "./costly";
import { hybridExperiment } from "./hybrid";

// Runs one of the lab's experiments with this browser's own credentials, and gathers what the
// run wrote to the auth log for the people this browser is signed in as.

export const EXPERIMENTS = [
  "replay",
  "tamper",
  "forged-alg",
  "refresh-reuse",
  "delegated",
  "cross-site",
  "hybrid",
  "fixation",
  "kdf",
  "key-rotation",
  "takeover",
] as const;
export type ExperimentName = (typeof EXPERIMENTS)[number];

export async function runExperiment(
  name: ExperimentName,
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
  const finish = async (run: Omit<ExperimentResult, "experiment" | "events" | "ranAt">) => ({
    experiment: name,
    ...run,
    events: await eventsSince([...new Set(people)], started),
    ranAt: new Date().toISOString(),
  });

  if (name === "refresh-reuse") {
    const jwt = await getCurrentJwt();
    if (!jwt.ok)
      return nothingToTry(
        name,
        "Sign in with JWT first: the experiment starts a second device for that person.",
      );
    if (!jwt.user.email)
      return nothingToTry(
        name,
        "The checked verifier must be on: the experiment reads the family.",
      );
    return finish(await refreshReuseExperiment(jwt.user.id, jwt.user.provenance, context));
  }
  if (name === "delegated") {
    const user = await peekOAuthUser();
    if (!user)
      return nothingToTry(
        name,
        "Sign in with Google or GitHub first: the call uses the token you grant.",
      );
    return finish(await delegatedExperiment(user.id));
  }
  if (name === "forged-alg") {
    const jwt = await getCurrentJwt();
    return finish(await forgedAlgorithmExperiment(jwt.ok ? jwt.user.id : "nobody"));
  }
  if (name === "cross-site") return finish(await crossSiteExperiment(held));
  if (name === "hybrid") return finish(await hybridExperiment(held));
  if (name === "key-rotation" || name === "fixation" || name === "kdf" || name === "takeover")
    return runCostly(name, { context, people, started, finish });
  if (name === "tamper") {
    const result = await tamperExperiment(held);
    if (result.probes.length === 0)
      return nothingToTry(
        name,
        "Sign in with a server session or a JWT first: there is nothing of yours to tamper with.",
      );
    return finish(result);
  }
  const result = await replayExperiment(held);
  if (result.probes.length === 0)
    return nothingToTry(
      name,
      "Sign in under at least one strategy first: there is nothing to copy.",
    );
  // The copies are dead now; so are this browser's cookies, each cleared by its own strategy.
  await Promise.all([deleteSessionCookie(), clearTokenCookies(), clearOAuthSessionCookie()]);
  return finish(result);
}
