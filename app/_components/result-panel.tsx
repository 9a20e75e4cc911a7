"use client";

import { forwardRef, useState } from "react";
import type { ExperimentResult } from "@/lib/lab/experiments/result";
import type { Probe, Sent } from "@/lib/lab/client/probe";
import Link from "next/link";
import { Time } from "./time";

// How every experiment's result reads, in the lab and in the interview room: the verdict first, in
// words; then each request as it was sent (the changed part marked), what came back and why; the
// curl command that repeats it; and what the run wrote to the auth log.

const OUTCOME_STYLE = {
  refused: "border-success/50 bg-success/5",
  worked: "border-danger/50 bg-danger/5",
  partly: "border-amber-500/60 bg-amber-500/5",
  shown: "border-sky-500/60 bg-sky-500/5",
  "nothing-to-try": "border-zinc-300 dark:border-zinc-700",
} as const;

function Marked({ sent }: { sent: Sent }) {
  const at = sent.changed ? sent.value.indexOf(sent.changed) : -1;
  if (!sent.changed || at < 0) return <>{sent.value}</>;
  return (
    <>
      {sent.value.slice(0, at)}
      <mark className="rounded bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-400">
        {sent.changed}
      </mark>
      {sent.value.slice(at + sent.changed.length)}
    </>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn-secondary px-2 py-1 text-xs"
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

function ProbeView({ probe }: { probe: Probe }) {
  return (
    <li
      className="space-y-1.5 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid="probe"
      data-status={probe.status}
      data-as-expected={probe.asExpected}
    >
      <p className="font-medium">{probe.label}</p>
      <p className="text-xs" data-testid="probe-request">
        <span className="font-semibold">Sent:</span>{" "}
        <code className="font-mono break-all">
          {probe.method} {probe.path}
        </code>
      </p>
      {probe.sent.map((sent) => (
        <p key={sent.name} className="font-mono text-xs break-all" data-testid="probe-sent">
          {sent.name}: <Marked sent={sent} />
        </p>
      ))}
      <p className="text-xs" data-testid="probe-response">
        <span className="font-semibold">Answer:</span>{" "}
        <strong className="font-mono">{probe.status}</strong>
        {probe.code ? <code className="ml-1 font-mono">{probe.code}</code> : null}
        {probe.message ? (
          <span className="text-zinc-600 dark:text-zinc-400"> {probe.message}</span>
        ) : null}
        <span className="ml-2">
          {probe.asExpected
            ? "(as the lesson predicts)"
            : `(unexpected: ${probe.expected} was predicted)`}
        </span>
      </p>
      <details className="text-xs">
        <summary className="cursor-pointer">Repeat it with curl</summary>
        <div className="mt-1 flex items-start gap-2">
          <code
            className="block min-w-0 flex-1 rounded bg-zinc-100 p-2 font-mono break-all whitespace-pre-wrap dark:bg-zinc-800"
            data-testid="probe-curl"
          >
            {probe.curl}
          </code>
          <CopyButton text={probe.curl} />
        </div>
        {/\$[A-Z_]+/.test(probe.curl) ? (
          <p className="mt-1 text-zinc-600 dark:text-zinc-400" data-testid="curl-placeholders">
            Words like <code>$SESSION_COOKIE</code> stand for credentials never shown whole here:
            set them in your shell first, from your own browser&apos;s developer tools (Application,
            then Cookies: the HttpOnly ones are visible to you there, never to a script), e.g.{" "}
            <code>SESSION_COOKIE=&apos;…&apos;</code>.
          </p>
        ) : null}
      </details>
    </li>
  );
}

export const ResultPanel = forwardRef<
  HTMLDivElement,
  { result: ExperimentResult; restored?: boolean; lesson?: React.ReactNode }
>(function ResultPanel({ result, restored = false, lesson }, ref) {
  const { verdict } = result;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="space-y-3 text-sm outline-none"
      data-testid="result"
      data-outcome={verdict.outcome}
    >
      <div
        role="status"
        className={`rounded-lg border p-3 ${OUTCOME_STYLE[verdict.outcome]}`}
        data-testid="verdict"
      >
        <p className="font-semibold" data-testid="verdict-headline">
          {verdict.headline}
        </p>
        <p data-testid="verdict-reason">{verdict.reason}</p>
        {result.wayForward ? (
          <p className="mt-1">
            <Link href={result.wayForward.href as never} className="link" data-testid="way-forward">
              {result.wayForward.text}
            </Link>
          </p>
        ) : null}
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {restored ? "From your last run, " : "Ran "}
          <Time value={result.ranAt} />
        </p>
      </div>
      {result.probes.length > 0 ? (
        <ol className="space-y-2">
          {result.probes.map((probe, i) => (
            <ProbeView key={`${probe.label}-${i}`} probe={probe} />
          ))}
        </ol>
      ) : null}
      {result.facts && result.facts.length > 0 ? (
        <dl
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-xs dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="result-facts"
        >
          {result.facts.map((fact, i) => (
            <div key={`${fact.name}-${i}`} className="p-2" data-fact={fact.name}>
              <dt className="font-semibold">{fact.name}</dt>
              <dd className="font-mono break-all">{fact.value}</dd>
              {fact.note ? <dd className="text-zinc-600 dark:text-zinc-400">{fact.note}</dd> : null}
            </div>
          ))}
        </dl>
      ) : null}
      {/* The lesson is what a run shows; a run that could not run shows nothing to learn from. */}
      {lesson && verdict.outcome !== "nothing-to-try" ? <p>{lesson}</p> : null}
      {result.events.length > 0 ? (
        <div>
          <p className="font-semibold">What it wrote to the auth log</p>
          <ul className="font-mono text-xs" data-testid="result-events">
            {result.events.map((event, i) => (
              <li key={`${event.type}-${i}`}>
                {event.strategy}: {event.type}
              </li>
            ))}
          </ul>
        </div>
      ) : result.verdict.outcome !== "nothing-to-try" ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="result-events">
          It wrote nothing to the auth log.
        </p>
      ) : null}
    </div>
  );
});
