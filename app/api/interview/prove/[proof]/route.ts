import { z } from "zod";
import { proofBudget } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import { json, jsonError } from "@/lib/http/json";
import {
  busy,
  internalError,
  tooMany,
  isCrossSiteForgery,
  methodNotAllowed,
} from "@/lib/http/route";
import { runProof } from "@/lib/interview/proofs";
import { oneOfFew, ProofsBusyError } from "@/lib/lab/proofs/in-flight";
import { PROOF_IDS } from "@/lib/interview/questions";
import { contextFrom } from "@/lib/request-context";

// "Prove it": runs one claim's proof with throwaway people (lib/interview/proofs.ts) and answers
// with a result shaped like the lab's experiments. Counted per person and per address: each run
// makes people.

const proofSchema = z.enum(PROOF_IDS);

export async function POST(request: Request, { params }: { params: Promise<{ proof: string }> }) {
  try {
    if (isCrossSiteForgery(request))
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const proof = proofSchema.safeParse((await params).proof);
    if (!proof.success) return jsonError(404, "not_found", "No such proof.");
    const context = contextFrom(request.headers);
    const person = (await Promise.all(strategies.map((s) => s.peekUser()))).find(Boolean);
    const verdict = await proofBudget.spend({ ip: context.ip, person: person?.id });
    if (verdict.blocked) return tooMany("proofs", verdict.retryAfterSeconds);
    return json(await oneOfFew(() => runProof(proof.data, context)));
  } catch (error) {
    if (error instanceof ProofsBusyError) return busy("Several proofs are running already.");
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
