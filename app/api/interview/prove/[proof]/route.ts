import { z } from "zod";
import { proofBudget, tooMany } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { runProof } from "@/lib/interview/proofs";
import { oneOfFew } from "@/lib/lab/proofs/in-flight";
import { PROOF_IDS } from "@/lib/interview/questions";
import { contextFrom } from "@/lib/request-context";

// "Prove it": runs one claim's proof with throwaway people (lib/interview/proofs.ts) and answers
// with a result shaped like the lab's experiments. Counted per person and per address: each run
// makes people.

const proofSchema = z.enum(PROOF_IDS);

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  busy: "Several proofs are running already.",
  methods: {
    POST: async (request, _route, { params }: { params: Promise<{ proof: string }> }) => {
      const proof = proofSchema.safeParse((await params).proof);
      if (!proof.success) return jsonError(404, "not_found", "No such proof.");
      const context = contextFrom(request.headers);
      const person = (await Promise.all(strategies.map((s) => s.peekUser()))).find(Boolean);
      const verdict = await proofBudget.spend({ ip: context.ip, person: person?.id });
      if (verdict.blocked) return tooMany("proofs", verdict.retryAfterSeconds);
      return json(await oneOfFew(() => runProof(proof.data, context)));
    },
  },
});
