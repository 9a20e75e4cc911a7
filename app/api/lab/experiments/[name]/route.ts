import { z } from "zod";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { LAB_EXPERIMENTS } from "@/lib/lab/experiments";
import { runExperiment } from "@/lib/lab/experiments/run";
import { contextFrom } from "@/lib/request-context";

// Runs one of the lab's experiments with this browser's own credentials. The answer lists the
// real requests made and what came back, a verdict and the events written; credentials never
// leave the server whole. Each run is counted per person and per address (experimentBudget).

const nameSchema = z.enum(LAB_EXPERIMENTS);

// Over budget (OverBudgetError) is a 429; too many running at once (TooManyRunningError) a 503.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  busy: "Several experiments are running already.",
  methods: {
    POST: async (request, _route, { params }: { params: Promise<{ name: string }> }) => {
      const name = nameSchema.safeParse((await params).name);
      if (!name.success) return jsonError(404, "not_found", "No such experiment.");
      return json(await runExperiment(name.data, contextFrom(request.headers)));
    },
  },
});
