"use client";

import { useState } from "react";
import { STRATEGIES } from "@/lib/auth/names";

// Probes each strategy's /me route a number of times and reads what its guard measured about
// itself (the Server-Timing header): the median and p95 of the guard's own work, in µs.

const PROBES = 25;
const ROUTES = [
  { id: "session", label: STRATEGIES.session.label, url: `${STRATEGIES.session.api}/me` },
  { id: "jwt", label: `${STRATEGIES.jwt.short} (checked)`, url: `${STRATEGIES.jwt.api}/me` },
  { id: "oauth", label: STRATEGIES.oauth.label, url: `${STRATEGIES.oauth.api}/me` },
] as const;

type Result = {
  id: string;
  label: string;
  status: "signed-out" | "ok";
  median?: number;
  p95?: number;
  dominant?: string;
};

function parseTiming(header: string | null): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const entry of (header ?? "").split(",")) {
    const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(entry);
    if (match?.[1] && match[2]) steps[match[1]] = Number(match[2]);
  }
  return steps;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function probe(route: (typeof ROUTES)[number]): Promise<Result> {
  const totals: number[] = [];
  const byStep: Record<string, number[]> = {};
  for (let i = 0; i < PROBES; i++) {
    const response = await fetch(route.url, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return { id: route.id, label: route.label, status: "signed-out" };
    const steps = parseTiming(response.headers.get("server-timing"));
    totals.push(Object.values(steps).reduce((sum, ms) => sum + ms, 0) * 1000);
    for (const [name, ms] of Object.entries(steps)) (byStep[name] ??= []).push(ms);
  }
  totals.sort((a, b) => a - b);
  const dominant = Object.entries(byStep)
    .map(
      ([name, values]) =>
        [name, values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0] as const,
    )
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    id: route.id,
    label: route.label,
    status: "ok",
    median: quantile(totals, 0.5),
    p95: quantile(totals, 0.95),
    dominant,
  };
}

const EXPLAIN: Record<string, string> = {
  db: "the database lookup dominates",
  redis: "the Redis lookup dominates",
  verify: "the signature check dominates",
  unseal: "unsealing the cookie dominates (after the first request it is memoised)",
};

export function CostProbe() {
  const [results, setResults] = useState<Result[] | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    const next: Result[] = [];
    for (const route of ROUTES) next.push(await probe(route));
    setResults(next);
    setRunning(false);
  };
  return (
    <div className="space-y-3">
      <button type="button" className="btn-primary" onClick={run} disabled={running}>
        {running ? "Measuring…" : `Measure each guard (${PROBES} requests each)`}
      </button>
      <div aria-live="polite">
        {results ? (
          <table className="w-full text-left text-sm" data-testid="cost-table">
            <caption className="sr-only">Guard cost per request</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1">
                  Strategy
                </th>
                <th scope="col">Median</th>
                <th scope="col">p95</th>
                <th scope="col">What dominates</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr
                  key={result.id}
                  data-testid={`cost-${result.id}`}
                  className="border-t border-zinc-200 dark:border-zinc-800"
                >
                  <th scope="row" className="py-1 font-medium">
                    {result.label}
                  </th>
                  {result.status === "ok" ? (
                    <>
                      <td className="tabular-nums">{Math.round(result.median ?? 0)} µs</td>
                      <td className="tabular-nums">{Math.round(result.p95 ?? 0)} µs</td>
                      <td>{EXPLAIN[result.dominant ?? ""] ?? result.dominant}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="text-zinc-500 dark:text-zinc-400">
                      sign in under this strategy to measure it
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
