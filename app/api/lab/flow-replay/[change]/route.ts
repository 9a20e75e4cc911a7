import { z } from "zod";
import { costlyRunBudget, tooMany } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { FLOW_CHANGE_IDS } from "@/lib/lab/experiments/flow-changes";
import { replayFlow } from "@/lib/lab/experiments/flow-replay";
import { oneOfFew } from "@/lib/lab/experiments/in-flight";
import type { ExperimentResult } from "@/lib/lab/experiments/result";
import { identity, needsProvider } from "@/lib/lab/experiments/standalone";
import { withThrowawayPeople } from "@/lib/lab/people";
import { contextFrom } from "@/lib/request-context";

// The OAuth step log's "change one thing and run the flow again" (lib/lab/experiments/
// flow-replay.ts), against the local identity provider with a throwaway identity. Counted like
// the interview's proofs: each run signs someone in at the provider.

const changeSchema = z.enum(FLOW_CHANGE_IDS);

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  busy: "Several experiments are running already.",
  methods: {
    POST: async (request, _route, { params }: { params: Promise<{ change: string }> }) => {
      const change = changeSchema.safeParse((await params).change);
      if (!change.success) return jsonError(404, "not_found", "No such change to the flow.");
      const context = contextFrom(request.headers);
      const person = (await Promise.all(strategies.map((s) => s.peekUser()))).find(Boolean);
      const verdict = await costlyRunBudget.spend({ ip: context.ip, person: person?.id });
      if (verdict.blocked) return tooMany("experiments", verdict.retryAfterSeconds);
      const experiment = `flow-replay-${change.data}`;
      const result = await oneOfFew(async (): Promise<ExperimentResult> => {
        const ranAt = () => new Date().toISOString();
        const missing = await needsProvider();
        if (missing) return { experiment, facts: [], ...missing, events: [], ranAt: ranAt() };
        // Nobody in this app is made (the flow stops at the provider, or at a refused callback);
        // the identity's address is removed all the same should anything have made it.
        return withThrowawayPeople(0, context, async (_people, alsoRemove) => {
          const who = identity();
          alsoRemove(who.email);
          return {
            experiment,
            ...(await replayFlow(change.data, who)),
            events: [],
            ranAt: ranAt(),
          };
        });
      });
      return json(result);
    },
  },
});
