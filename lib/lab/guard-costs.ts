import "server-only";
import { median, quantile } from "./stats";
import { verifyAccessTokenFromScratch } from "@/lib/auth/jwt/access-token";
import { readAccessCookie } from "@/lib/auth/jwt/cookies";
import { jwtAuthenticator } from "@/lib/auth/jwt/route-auth";
import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import type { Authenticator } from "@/lib/http/route";
import { ServerTiming } from "@/lib/http/server-timing";
import { preparePasskeyCheck } from "./passkey-cost";

// What each guard costs by itself, measured in this server's process with this browser's own
// credentials: the same calls a route handler makes, timed one after another, the guards
// interleaved so a busy moment of the machine falls on all of them alike. It leaves out what
// every request pays whatever the strategy (HTTP parsing, routing, the response), which the
// benchmark over HTTP (npm run bench:http) measures; the lab shows both.

export const GUARD_IDS = [
  "session",
  "jwt-checked",
  "jwt-stateless",
  "oauth",
  "signature",
  "passkey",
] as const;
export type GuardId = (typeof GUARD_IDS)[number];

export type GuardCost =
  | { id: GuardId; status: "signed-out" }
  | {
      id: GuardId;
      status: "ok";
      /** Microseconds of wall time per call. */
      medianUs: number;
      p95Us: number;
      /** The guard's own steps (Server-Timing names), median µs each. */
      steps: Record<string, number>;
    };

const SAMPLES = 40;
const WARM_UP = 5;

type Probe = (timing: ServerTiming) => Promise<boolean>;

const viaAuthenticator =
  (authenticate: Authenticator, request: Request): Probe =>
  async (timing) => {
    const result = await authenticate(request, timing);
    return result !== null && !("status" in result);
  };

function probes(
  request: Request,
  accessToken: string | undefined,
  passkeyCheck: () => Promise<boolean>,
): Record<GuardId, Probe> {
  return {
    session: viaAuthenticator(authenticateSessionRequest, request),
    "jwt-checked": viaAuthenticator(jwtAuthenticator("checked"), request),
    "jwt-stateless": viaAuthenticator(jwtAuthenticator("stateless"), request),
    oauth: viaAuthenticator(authenticateOAuthRequest, request),
    // The ES256 check as if the token were new to this process (the guards above remember a token
    // they verified; its time claims are checked again on each use).
    signature: async (timing) =>
      accessToken !== undefined &&
      (await timing.measure("verify", () => verifyAccessTokenFromScratch(accessToken))).ok,
    // A passkey sign-in's check, on the software authenticator's assertion: it needs nothing of
    // this browser's, so it is measured for everyone.
    passkey: (timing) => timing.measure("verify", passkeyCheck),
  };
}

/** Each guard's cost for the credentials `request` carries; a guard they don't pass is "signed-out". */
export async function measureGuardCosts(request: Request): Promise<GuardCost[]> {
  const all = probes(request, await readAccessCookie(request), await preparePasskeyCheck());
  // One call each first: a guard this browser can't pass is left out of the timing.
  const live: GuardId[] = [];
  for (const id of GUARD_IDS) if (await all[id](new ServerTiming())) live.push(id);

  const wall = new Map<GuardId, number[]>(live.map((id) => [id, []]));
  const steps = new Map<GuardId, Map<string, number[]>>(live.map((id) => [id, new Map()]));
  for (let round = 0; round < WARM_UP + SAMPLES; round++) {
    for (const id of live) {
      const timing = new ServerTiming();
      const started = performance.now();
      await all[id](timing);
      if (round < WARM_UP) continue;
      wall.get(id)!.push((performance.now() - started) * 1000);
      const byStep = steps.get(id)!;
      for (const { name, ms } of timing.steps)
        byStep.set(name, [...(byStep.get(name) ?? []), ms * 1000]);
    }
  }
  return GUARD_IDS.map((id): GuardCost => {
    const samples = wall.get(id);
    if (!samples) return { id, status: "signed-out" };
    return {
      id,
      status: "ok",
      medianUs: Math.round(median(samples)),
      p95Us: Math.round(quantile(samples, 0.95)),
      steps: Object.fromEntries(
        [...steps.get(id)!].map(([name, values]) => [name, Math.round(median(values))]),
      ),
    };
  });
}
