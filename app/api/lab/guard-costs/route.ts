import { costProbeBudget } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import { json, jsonError } from "@/lib/http/json";
import {
  busy,
  internalError,
  tooMany,
  isCrossSiteForgery,
  methodNotAllowed,
} from "@/lib/http/route";
import { measureGuardCosts } from "@/lib/lab/guard-costs";
import { inFlightCap, ProofsBusyError } from "@/lib/lab/proofs/in-flight";
import { contextFrom } from "@/lib/request-context";

// The lab's cost probe: each guard timed in this process with this browser's own credentials
// (lib/lab/guard-costs.ts). A few dozen calls per guard, so counted per address and only two
// run at once.

// Its own cap, so measurements never take the proofs' places.
const twoAtOnce = inFlightCap(2);

export async function POST(request: Request) {
  try {
    if (isCrossSiteForgery(request))
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const person = (await Promise.all(strategies.map((s) => s.peekUser()))).find(Boolean);
    const verdict = await costProbeBudget.spend({
      ip: contextFrom(request.headers).ip,
      person: person?.id,
    });
    if (verdict.blocked) return tooMany("measurements", verdict.retryAfterSeconds);
    return json({ guards: await twoAtOnce(() => measureGuardCosts(request)) });
  } catch (error) {
    if (error instanceof ProofsBusyError) return busy("Several measurements are running.");
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
