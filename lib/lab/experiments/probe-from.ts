import "server-only";
import type { Answer } from "@/lib/lab/proofs/browser";
import { curlFor, type Probe, type Sent } from "./self-request";

/** A probe from a request a ProofBrowser made (it keeps its own cookie jar). */
export function probeFrom(
  answer: Answer,
  spec: {
    label: string;
    method: Probe["method"];
    expected: number;
    sent?: Sent[];
    curlHeaders?: Record<string, string>;
    json?: unknown;
  },
): Probe {
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(answer.body) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  const url = new URL(answer.url);
  // A code or state in the query is a secret of its flow: cut short, like every credential here.
  for (const name of ["code", "state"]) {
    const value = url.searchParams.get(name);
    if (value) url.searchParams.set(name, `${value.slice(0, 6)}…`);
  }
  const location = answer.headers.get("location");
  return {
    label: spec.label,
    method: spec.method,
    path: `${url.pathname}${url.search}`,
    sent: spec.sent ?? [],
    status: answer.status,
    expected: spec.expected,
    code: error?.code ?? null,
    message: error?.message ?? (location ? `→ ${location}` : null),
    asExpected: answer.status === spec.expected,
    curl: curlFor({
      method: spec.method,
      path: `${url.pathname}${url.search}`,
      json: spec.json,
      curlHeaders: spec.curlHeaders,
    }),
  };
}
