import { costProbeBudget, tooMany } from "@/lib/auth/rate-limit";
import { strategies } from "@/lib/auth/strategies";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { measureGuardCosts } from "@/lib/lab/guard-costs";
import { inFlightCap } from "@/lib/lab/experiments/in-flight";
import { contextFrom } from "@/lib/request-context";

// The lab's cost probe: each guard timed in this process with this browser's own credentials
// (lib/lab/guard-costs.ts). A few dozen calls per guard, so counted per address and only two
// run at once.

// Its own cap, so measurements never take the proofs' places.
const twoAtOnce = inFlightCap(2);

async function measure(request: Request) {
  const person = (await Promise.all(strategies.map((s) => s.peekUser()))).find(Boolean);
  const verdict = await costProbeBudget.spend({
    ip: contextFrom(request.headers).ip,
    person: person?.id,
  });
  if (verdict.blocked) return tooMany("measurements", verdict.retryAfterSeconds);
  return json({ guards: await twoAtOnce(() => measureGuardCosts(request)) });
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  busy: "Several measurements are running.",
  methods: { POST: measure },
});
