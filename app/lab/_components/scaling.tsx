"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import * as z from "zod/mini";
import { useHydrated } from "@/app/_components/use-hydrated";

// The Scaling experiment's controls and what each instance answered. Every step is a real request
// to every instance; the sentence under the table says what the answers prove.

const answer = z.object({
  instance: z.string(),
  label: z.string(),
  request: z.string(),
  status: z.number(),
  answeredBy: z.nullable(z.string()),
  code: z.nullable(z.string()),
});
const result = z.object({
  status: z.object({
    store: z.enum(["redis", "database", "memory"]),
    redis: z.enum(["running", "stopped"]),
    // Only what this page reads: the server's own schema (lib/lab/scaling.ts) checks the rest.
    instances: z.array(z.object({ id: z.string(), up: z.boolean() })),
  }),
  answers: z.array(answer),
  servedBy: z.string(),
});
type Result = z.infer<typeof result>;
type Answer = z.infer<typeof answer>;
type Step =
  | { action: "ask" }
  | { action: "sign-in" | "sign-out" | "restart"; instance: "a" | "b" }
  | { action: "store"; store: "redis" | "database" | "memory" }
  | { action: "redis"; state: "running" | "stopped" };

const STORE_NAMES = { redis: "Redis", database: "the database", memory: "each instance's memory" };

/** What the last answers of "ask" prove, in a sentence. */
function verdict(answers: Answer[], status: Result["status"]): string | null {
  const session = (id: string) =>
    answers.find((a) => a.instance === id && a.label === "server session")?.status;
  const stateless = answers.find((a) => a.label === "JWT, stateless")?.status;
  const [a, b] = [session("a"), session("b")];
  if (a === undefined || b === undefined) return null;
  if (a === 503 || b === 503)
    return `Redis is down: no instance can look a session up, so nobody is signed in through one (503, fail closed). The stateless JWT check needs no store and still answers ${stateless}. Start Redis again and the very same cookie works, with no restart.`;
  if (a === 200 && b === 200)
    return `Both instances honour the same session: it lives in ${STORE_NAMES[status.store]}, which every instance shares. A load balancer may send you anywhere.`;
  if (a !== b && status.store === "memory")
    return "One instance knows your session and the other doesn't: in-memory sessions aren't shared. Behind a round-robin load balancer you'd be signed out every other request; sticky sessions hide that, until the instance restarts and forgets everyone.";
  if (a === 401 && b === 401)
    return "Neither instance lets you in: the session is gone (signed out, or lost with a restart), whichever instance you ask.";
  return null;
}

function Answers({ answers }: { answers: Answer[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="scaling-answers">
        <caption className="sr-only">What each instance answered</caption>
        <thead>
          <tr>
            <th scope="col">Asked</th>
            <th scope="col">Instance</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a, i) => (
            <tr
              key={`${a.instance}-${a.label}-${i}`}
              data-testid="scaling-answer"
              data-instance={a.instance}
              data-label={a.label}
              data-status={a.status}
              className="border-t border-zinc-200 dark:border-zinc-800"
            >
              <td className="py-1">
                {a.label} <code className="font-mono text-xs">{a.request}</code>
              </td>
              <td>
                {a.instance}
                {a.answeredBy && a.answeredBy !== a.instance
                  ? ` (answered by ${a.answeredBy})`
                  : ""}
              </td>
              <td className="font-mono">
                {a.status === 0 ? "down" : a.status}
                {a.code && a.status !== 0 ? ` ${a.code}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One step of the experiment: a real request to the cluster. */
function StepButton({
  disabled,
  onClick,
  children,
}: {
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="btn-secondary" disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

export function Scaling() {
  const hydrated = useHydrated();
  const [state, setState] = useState<Result | null>(null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (init?: RequestInit) => {
    const response = await fetch("/api/lab/scaling", { cache: "no-store", ...init }).catch(
      () => null,
    );
    const parsed = result.safeParse(await response?.json().catch(() => null));
    return parsed.success ? parsed.data : null;
  }, []);

  const allUp = (status: Result["status"]) => status.instances.every((instance) => instance.up);

  const run = async (step: Step, label: string) => {
    setBusy(label);
    setError(null);
    const done = await load({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(step),
    });
    if (!done) {
      setError("The cluster didn't answer that step (an instance may be restarting). Try again.");
      setBusy(null);
      return;
    }
    let latest = done;
    // A restart or a store switch happens in the background: wait until every instance is up.
    while (!allUp(latest.status)) {
      setState(latest);
      await new Promise((resolve) => setTimeout(resolve, 500));
      latest = (await load()) ?? latest;
    }
    // After anything but a plain question, ask every instance again, so the effect shows.
    const asked =
      step.action === "ask" || step.action === "sign-out"
        ? done
        : ((await load({
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ action: "ask" }),
          })) ?? latest);
    setState(asked);
    setAnswers(
      step.action === "sign-in" || step.action === "sign-out"
        ? [...done.answers, ...(step.action === "sign-in" ? asked.answers : [])]
        : asked.answers,
    );
    setBusy(null);
    resultRef.current?.focus();
  };

  useEffect(() => {
    void load().then(setState);
  }, [load]);

  const disabled = !hydrated || busy !== null;
  const status = state?.status;
  return (
    <div className="space-y-4">
      <p className="text-sm" aria-live="polite" data-testid="scaling-status">
        {status ? (
          <>
            This page came from instance <strong>{state.servedBy}</strong>. Sessions live in{" "}
            <strong data-testid="scaling-store">{STORE_NAMES[status.store]}</strong>; Redis is{" "}
            <strong data-testid="scaling-redis">{status.redis}</strong>;{" "}
            {status.instances
              .map((instance) => `instance ${instance.id} ${instance.up ? "up" : "starting…"}`)
              .join(", ")}
            .
          </>
        ) : (
          "Asking the cluster…"
        )}
      </p>

      <ol className="space-y-3 text-sm">
        <li className="space-y-2">
          <strong>1. Sign in on one instance.</strong> A new person signs in through instance a
          alone: it makes the session and the JWT pair, and this browser keeps the cookies.
          <div className="flex flex-wrap gap-2">
            <StepButton
              disabled={disabled}
              onClick={() => run({ action: "sign-in", instance: "a" }, "sign-in")}
            >
              Sign in on instance a
            </StepButton>
            <StepButton disabled={disabled} onClick={() => run({ action: "ask" }, "ask")}>
              Ask both instances who I am
            </StepButton>
          </div>
        </li>
        <li className="space-y-2">
          <strong>2. Restart an instance.</strong> A shared store keeps every session; an
          instance&apos;s memory does not survive its restart.
          <div>
            <StepButton
              disabled={disabled}
              onClick={() => run({ action: "restart", instance: "a" }, "restart")}
            >
              Restart instance a
            </StepButton>
          </div>
        </li>
        <li className="space-y-2">
          <strong>3. Revoke on one, replay on the other.</strong> Sign out through instance b, then
          present a copy of the same cookie to both.
          <div>
            <StepButton
              disabled={disabled}
              onClick={() => run({ action: "sign-out", instance: "b" }, "sign-out")}
            >
              Sign out on instance b, then replay the copy
            </StepButton>
          </div>
        </li>
        <li className="space-y-2">
          <strong>4. Move the sessions.</strong> Both instances restart with sessions in the store
          you choose (then sign in again).
          <div className="flex flex-wrap gap-2">
            {(["redis", "database", "memory"] as const).map((store) => (
              <StepButton
                key={store}
                disabled={disabled || status?.store === store}
                onClick={() => run({ action: "store", store }, `store-${store}`)}
              >
                Sessions in{" "}
                {store === "memory"
                  ? "memory (teaching mode)"
                  : store === "redis"
                    ? "Redis"
                    : "the database"}
              </StepButton>
            ))}
          </div>
        </li>
        <li className="space-y-2">
          <strong>5. Take Redis away.</strong> With sessions in Redis, stopping it signs session
          users out everywhere at once, while stateless JWTs keep verifying.
          <div className="flex flex-wrap gap-2">
            <StepButton
              disabled={disabled || status?.redis === "stopped"}
              onClick={() => run({ action: "redis", state: "stopped" }, "redis-stop")}
            >
              Stop Redis
            </StepButton>
            <StepButton
              disabled={disabled || status?.redis === "running"}
              onClick={() => run({ action: "redis", state: "running" }, "redis-start")}
            >
              Start Redis
            </StepButton>
          </div>
        </li>
      </ol>

      <div
        ref={resultRef}
        tabIndex={-1}
        aria-live="polite"
        className="space-y-2"
        data-testid="scaling-result"
      >
        {busy ? <p className="text-sm">Working… ({busy})</p> : null}
        {error ? <p className="text-sm text-danger">{error}</p> : null}
        {answers.length > 0 ? <Answers answers={answers} /> : null}
        {!busy && status && answers.length > 0 ? (
          <p className="text-sm font-medium" data-testid="scaling-verdict">
            {verdict(answers, status)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
