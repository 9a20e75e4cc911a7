"use client";

import { useRef, useState } from "react";
import * as z from "zod/mini";
import { STRATEGIES } from "@/lib/auth/names";

// Asks the server to time each guard with this browser's own credentials (POST
// /api/lab/guard-costs): what a lookup and a signature check cost by themselves, in µs.

const GUARDS = {
  session: `${STRATEGIES.session.label}: unseal the cookie, look up the row`,
  "jwt-checked": `${STRATEGIES.jwt.short}, checked: signature, then the revocation row`,
  "jwt-stateless": `${STRATEGIES.jwt.short}, stateless: signature and claims only`,
  oauth: `${STRATEGIES.oauth.label}: look up the Auth.js session row`,
  signature: "One ES256 signature check on a token the server has not seen",
  passkey: "Passkey sign-in: verify one assertion (a software authenticator's)",
} as const;
type GuardId = keyof typeof GUARDS;
const NEEDS: Record<GuardId, string> = {
  session: "sign in with sessions to measure it",
  "jwt-checked": "sign in with JWT to measure it",
  "jwt-stateless": "sign in with JWT to measure it",
  oauth: "sign in with Google or GitHub to measure it",
  signature: "sign in with JWT to measure it",
  passkey: "measured for everyone: it needs nothing of yours",
};

const STEP_NAMES: Record<string, string> = {
  unseal: "unseal",
  verify: "signature",
  db: "database",
  redis: "Redis",
};

const costSchema = z.union([
  z.object({ id: z.string(), status: z.literal("signed-out") }),
  z.object({
    id: z.string(),
    status: z.literal("ok"),
    medianUs: z.number(),
    p95Us: z.number(),
    steps: z.record(z.string(), z.number()),
  }),
]);
const answerSchema = z.object({ guards: z.array(costSchema) });
const errorSchema = z.object({ error: z.object({ message: z.string() }) });
type Cost = z.infer<typeof costSchema>;

const isGuard = (id: string): id is GuardId => id in GUARDS;
const us = (value: number) => `${value.toLocaleString("en")} µs`;

function stepsText(steps: Record<string, number>): string {
  const parts = Object.entries(steps).map(
    ([name, value]) => `${STEP_NAMES[name] ?? name} ${us(value)}`,
  );
  return parts.length > 0 ? parts.join(" · ") : "–";
}

/** The one comparison a learner came for, in words, when both sides were measured. */
function LookupVsSignature({ costs }: { costs: Cost[] }) {
  const byId = new Map(costs.map((cost) => [cost.id, cost]));
  const signature = byId.get("signature");
  const lookup = byId.get("session") ?? byId.get("oauth");
  if (signature?.status !== "ok" || lookup?.status !== "ok") return null;
  return (
    <p data-testid="cost-verdict">
      Here, one signature check from scratch took {us(signature.medianUs)} and a whole session guard
      (its row lookup included) {us(lookup.medianUs)}: both are far below what any request costs the
      server around them, which is why the throughput ratios below stay close to 1.
    </p>
  );
}

export function CostProbe() {
  const [costs, setCosts] = useState<Cost[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    const response = await fetch("/api/lab/guard-costs", { method: "POST" }).catch(() => null);
    const body: unknown = await response?.json().catch(() => null);
    const answer = answerSchema.safeParse(body);
    if (response?.ok && answer.success) setCosts(answer.data.guards);
    else
      setError(
        errorSchema.safeParse(body).data?.error.message ??
          "The measurement could not run. Is the server up?",
      );
    setRunning(false);
    result.current?.focus();
  };

  return (
    <div className="space-y-3">
      <button type="button" className="btn-primary" onClick={run} disabled={running}>
        {running ? "Measuring…" : "Time each guard on this server"}
      </button>
      <div ref={result} tabIndex={-1} aria-live="polite" className="space-y-2 outline-none">
        {error ? (
          <p className="text-danger" role="alert">
            {error}
          </p>
        ) : null}
        {costs ? (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="cost-table">
                <caption className="sr-only">Each guard&apos;s own cost per request</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1">
                      Guard
                    </th>
                    <th scope="col">Median</th>
                    <th scope="col">p95</th>
                    <th scope="col">Where the time goes</th>
                  </tr>
                </thead>
                <tbody>
                  {costs
                    .filter((cost) => isGuard(cost.id))
                    .map((cost) => (
                      <tr
                        key={cost.id}
                        data-testid={`cost-${cost.id}`}
                        data-status={cost.status}
                        className="border-t border-zinc-200 dark:border-zinc-800"
                      >
                        <th scope="row" className="py-1 pr-2 font-medium">
                          {GUARDS[cost.id as GuardId]}
                        </th>
                        {cost.status === "ok" ? (
                          <>
                            <td className="tabular-nums" data-us={cost.medianUs}>
                              {us(cost.medianUs)}
                            </td>
                            <td className="tabular-nums">{us(cost.p95Us)}</td>
                            <td>{stepsText(cost.steps)}</td>
                          </>
                        ) : (
                          <td colSpan={3} className="text-zinc-600 dark:text-zinc-400">
                            {NEEDS[cost.id as GuardId]}
                          </td>
                        )}
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <LookupVsSignature costs={costs} />
          </>
        ) : null}
      </div>
    </div>
  );
}
