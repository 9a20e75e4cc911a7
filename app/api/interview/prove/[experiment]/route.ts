import { z } from "zod";
import { costlyRunBudget, tooMany } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { STANDALONE_EXPERIMENTS } from "@/lib/lab/experiments";
import { oneOfFew } from "@/lib/lab/experiments/in-flight";
import { runStandalone } from "@/lib/lab/experiments/standalone";
import { contextFrom } from "@/lib/request-context";

// "Prove it": runs the experiment behind an interview answer with throwaway people
// (lib/lab/experiments/standalone.ts), so it works from any browser, and answers with a result
// shaped like the lab's. Counted per person and per address: each run makes people.

const nameSchema = z.enum(STANDALONE_EXPERIMENTS);

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  busy: "Several experiments are running already.",
  methods: {
    POST: async (request, _route, { params }: { params: Promise<{ experiment: string }> }) => {
      const name = nameSchema.safeParse((await params).experiment);
      if (!name.success) return jsonError(404, "not_found", "No such experiment.");
      const context = contextFrom(request.headers);
      const person = (await Promise.all(strategies.map((s) => s.peekUser()))).find(Boolean);
      const verdict = await costlyRunBudget.spend({ ip: context.ip, person: person?.id });
      if (verdict.blocked) return tooMany("experiments", verdict.retryAfterSeconds);
      return json(await oneOfFew(() => runStandalone(name.data, context)));
    },
  },
});
