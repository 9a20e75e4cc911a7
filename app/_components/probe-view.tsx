"use client";

import { useState } from "react";
import type { DecodedSent, Probe, Sent } from "@/lib/lab/client/probe";
import { ClaimTable } from "./claim-table";
import { PART_STYLE } from "./encoded-token";

// One request an experiment made, as the result shows it: what was sent (the changed part marked,
// a token decoded), what came back, and the curl command that repeats it.

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

/** A token as it was sent, decoded (anyone holding it can), its changed fields marked. */
function DecodedToken({ decoded }: { decoded: DecodedSent }) {
  return (
    <details className="@container text-xs" data-testid="probe-decoded" open>
      <summary className="cursor-pointer">Decoded, as anyone holding it can read it</summary>
      <div className="mt-1 grid gap-2 @2xl:grid-cols-2">
        <ClaimTable
          part="header"
          values={decoded.header}
          now={null}
          className={PART_STYLE.header}
          changed={decoded.changed.header}
          testId="decoded-header"
        />
        <ClaimTable
          part="payload"
          values={decoded.payload}
          now={null}
          className={PART_STYLE.payload}
          changed={decoded.changed.payload}
          testId="decoded-payload"
        />
      </div>
    </details>
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

export function ProbeView({ probe }: { probe: Probe }) {
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
        <div key={sent.name} className="space-y-1.5">
          <p className="font-mono text-xs break-all" data-testid="probe-sent">
            {sent.name}: <Marked sent={sent} />
          </p>
          {sent.decoded ? <DecodedToken decoded={sent.decoded} /> : null}
        </div>
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
