import { z } from "zod";
import { json, jsonError } from "@/lib/http/json";
import { OverBudgetError } from "@/lib/auth/rate-limit";
import {
  busy,
  internalError,
  isCrossSiteForgery,
  methodNotAllowed,
  tooMany,
} from "@/lib/http/route";
import { EXPERIMENTS, runExperiment } from "@/lib/lab/experiments/run";
import { ProofsBusyError } from "@/lib/lab/proofs/in-flight";
import { contextFrom } from "@/lib/request-context";

// Runs one of the lab's experiments with this browser's own credentials. The answer lists the
// real requests made and what came back, a verdict and the events written; credentials never
// leave the server whole. Each run is counted per person and per address (experimentBudget).

const nameSchema = z.enum(EXPERIMENTS);

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  try {
    if (isCrossSiteForgery(request))
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const name = nameSchema.safeParse((await params).name);
    if (!name.success) return jsonError(404, "not_found", "No such experiment.");
    return json(await runExperiment(name.data, contextFrom(request.headers)));
  } catch (error) {
    if (error instanceof ProofsBusyError) return busy("Several experiments are running already.");
    if (error instanceof OverBudgetError) return tooMany(error.what, error.retryAfterSeconds);
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
