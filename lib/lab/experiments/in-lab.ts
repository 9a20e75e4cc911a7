import "server-only";
import { deleteSessionCookie } from "@/lib/auth/session/cookie";
import { eventsSince } from "@/lib/auth/events";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { clearTokenCookies } from "@/lib/auth/jwt/cookies";
import { clearOAuthSessionCookie } from "@/lib/auth/oauth/cookie";
import { peekOAuthUser } from "@/lib/auth/oauth/sessions";
import { withThrowawayPeople } from "@/lib/lab/people";
import type { RequestContext } from "@/lib/request-context";
import type { SignedIn } from "@/lib/lab/catalogue";
import type { LabExperiment } from "./index";
import { crossSiteExperiment } from "./cross-site";
import { delegatedExperiment } from "./delegated";
import { fixationExperiment } from "./fixation";
import { forgedAlgorithmExperiment } from "./forged-alg";
import { hybridExperiment } from "./hybrid";
import { kdfExperiment } from "./kdf";
import { keyRotationExperiment } from "./key-rotation";
import { refreshReuseExperiment } from "./refresh-reuse";
import { replayExperiment } from "./replay";
import { type ExperimentResult, nothingToTry } from "./result";
import { takeoverExperiment } from "./takeover";
import { tamperExperiment } from "./tamper";

// How the lab runs each of its server-side experiments (./index.ts lists them) with this
// browser's own credentials: whether it costs the server real work or rows (throwaway people,
// argon2id hashes, signing keys: counted and run a few at a time), and the run itself, which says
// so when this browser holds nothing to try yet. ./run.ts runs any of them the same way.

export type Finish = (
  run: Omit<ExperimentResult, "experiment" | "events" | "ranAt">,
) => Promise<ExperimentResult>;

export type Run = {
  name: LabExperiment;
  context: RequestContext;
  /** This browser's cookies, by name. */
  held: Map<string, string>;
  /** Whoever this browser is signed in as, under any strategy. */
  people: string[];
  /** Under which strategies, live now; and why a credential it still holds is over. */
  signedIn: SignedIn;
  started: Date;
  /** The result, with what the run wrote to these people's log. */
  finish: Finish;
};

type InLabRun = { costly: boolean; run: (run: Run) => Promise<ExperimentResult> };

/** A result for throwaway people: their own log, since the run started. */
const forPeople = async (
  { name, started }: Run,
  ids: string[],
  result: Omit<ExperimentResult, "experiment" | "events" | "ranAt">,
): Promise<ExperimentResult> => ({
  experiment: name,
  ...result,
  events: await eventsSince(ids, started),
  ranAt: new Date().toISOString(),
});

/** A run that found nothing of this browser's to present says what to sign in with first. */
const nothingPresented = (result: { probes: unknown[] }, name: LabExperiment, needs: string) =>
  result.probes.length === 0 ? nothingToTry(name, needs) : null;

export const LAB_RUNS = {
  replay: {
    costly: false,
    async run({ name, held, finish }) {
      const result = await replayExperiment(held);
      const none = nothingPresented(
        result,
        name,
        "Sign in under at least one strategy first: there is nothing to copy.",
      );
      if (none) return none;
      // The copies are dead now; so are this browser's cookies, each cleared by its own strategy.
      await Promise.all([deleteSessionCookie(), clearTokenCookies(), clearOAuthSessionCookie()]);
      return finish(result);
    },
  },
  tamper: {
    costly: false,
    async run({ name, held, finish }) {
      const result = await tamperExperiment(held);
      return (
        nothingPresented(
          result,
          name,
          "Sign in with a server session or a JWT first: there is nothing of yours to tamper with.",
        ) ?? finish(result)
      );
    },
  },
  "forged-alg": {
    costly: false,
    async run({ finish }) {
      const jwt = await getCurrentJwt();
      return finish(await forgedAlgorithmExperiment(jwt.ok ? jwt.user.id : "nobody"));
    },
  },
  "refresh-reuse": {
    costly: false,
    async run({ name, context, finish }) {
      const jwt = await getCurrentJwt();
      if (!jwt.ok)
        return nothingToTry(
          name,
          "Sign in with JWT first: the experiment starts a second device for that person.",
        );
      if (!jwt.user.email)
        return nothingToTry(
          name,
          "This deployment verifies JWTs statelessly (JWT_VERIFIER=stateless), so the experiment can't read your family: run it where JWT_VERIFIER is checked, the default.",
        );
      return finish(await refreshReuseExperiment(jwt.user.id, jwt.user.provenance, context));
    },
  },
  delegated: {
    costly: false,
    async run({ name, finish }) {
      const user = await peekOAuthUser();
      if (!user)
        return nothingToTry(
          name,
          "Sign in with Google or GitHub first: the call uses the token you grant.",
        );
      return finish(await delegatedExperiment(user.id));
    },
  },
  "cross-site": {
    costly: false,
    run: async ({ held, finish }) => finish(await crossSiteExperiment(held)),
  },
  hybrid: {
    costly: false,
    run: async ({ held, signedIn, finish }) => finish(await hybridExperiment(held, signedIn)),
  },
  fixation: {
    costly: true,
    run: (run) =>
      withThrowawayPeople(2, run.context, async ([attacker, victim]) =>
        forPeople(run, [attacker!.id, victim!.id], await fixationExperiment(attacker!, victim!)),
      ),
  },
  kdf: {
    costly: true,
    async run(run) {
      const mine = run.people[0];
      if (mine) return run.finish({ probes: [], ...(await kdfExperiment(mine)) });
      // Signed out: a throwaway person's stored password, and no log of theirs to show.
      return withThrowawayPeople(1, run.context, async ([someone]) =>
        forPeople(run, [], { probes: [], ...(await kdfExperiment(someone!.id)) }),
      );
    },
  },
  "key-rotation": {
    costly: true,
    async run({ name, finish }) {
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
    },
  },
  takeover: {
    costly: true,
    run: (run) =>
      withThrowawayPeople(1, run.context, async ([victim]) =>
        forPeople(run, [victim!.id], await takeoverExperiment(victim!)),
      ),
  },
} as const satisfies Record<LabExperiment, InLabRun>;
