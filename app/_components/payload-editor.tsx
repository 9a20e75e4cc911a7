"use client";

import { useEffect, useId, useState } from "react";
import * as z from "zod/mini";
import { type JsonObject, type TokenView, changedClaims, encodeEdited } from "@/lib/tokens/anatomy";
import { EncodedToken } from "./encoded-token";

// Edit a token's payload and the server says, live, whether the original signature still
// matches. It never signs anything, so no edit can succeed.

const checkSchema = z.object({ valid: z.boolean(), reason: z.string(), message: z.string() });
type Check = z.infer<typeof checkSchema>;
type EditState =
  | { kind: "unchanged" }
  | { kind: "invalid-json"; message: string }
  | { kind: "checking" }
  | { kind: "checked"; check: Check; changed: string[]; encodedPayload: string }
  | { kind: "failed" };

function parseObject(text: string): JsonObject | string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : "The payload must be one JSON object.";
  } catch (error) {
    return error instanceof Error ? error.message : "Not valid JSON.";
  }
}

type Answer = { payload: string; check: Check | null };

/**
 * What the edit means, derived as it is typed: unchanged, not JSON, or a payload whose signature
 * check is on its way or back. Only the server's answer is state, set when it arrives.
 */
function useSignatureCheck(view: TokenView, text: string): EditState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const original = JSON.stringify(view.payload, null, 2);
  const parsed = text === original ? null : parseObject(text);
  const encodedPayload =
    parsed !== null && typeof parsed !== "string"
      ? encodeEdited(view.encodedPayload, parsed)
      : null;

  useEffect(() => {
    if (encodedPayload === null) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      const response = await fetch("/api/tokens/check", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          source: view.source,
          header: view.encodedHeader,
          payload: encodedPayload,
        }),
        signal: controller.signal,
      }).catch(() => null);
      const check = checkSchema.safeParse(await response?.json().catch(() => null));
      if (controller.signal.aborted) return;
      setAnswer({
        payload: encodedPayload,
        check: response?.ok && check.success ? check.data : null,
      });
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [encodedPayload, view.source, view.encodedHeader]);

  if (parsed === null) return { kind: "unchanged" };
  if (typeof parsed === "string") return { kind: "invalid-json", message: parsed };
  if (answer?.payload !== encodedPayload) return { kind: "checking" };
  if (!answer.check) return { kind: "failed" };
  return {
    kind: "checked",
    check: answer.check,
    changed: changedClaims(view.payload, parsed),
    encodedPayload: answer.payload,
  };
}

function EditResult({ state }: { state: EditState }) {
  if (state.kind === "unchanged")
    return <p>Unchanged: the signature matches, as the issuer made it.</p>;
  if (state.kind === "invalid-json")
    return (
      <p className="text-danger" data-testid="token-edit-error">
        Not a JSON object, so not a token: {state.message}
      </p>
    );
  if (state.kind === "checking") return <p>Asking the server to check the signature…</p>;
  if (state.kind === "failed")
    return <p className="text-danger">The check could not run. Are you still signed in?</p>;
  return (
    <div className="space-y-1" data-testid="token-edit-verdict" data-valid={state.check.valid}>
      <p className={`font-semibold ${state.check.valid ? "text-success" : "text-danger"}`}>
        {state.check.valid ? "Signature still valid" : "Signature broken"}
        {state.changed.length > 0 ? ` (you changed ${state.changed.join(", ")})` : ""}
      </p>
      <p>{state.check.message}</p>
    </div>
  );
}

/** An edit, and the token it started from: without one, the editor shows the token held now. */
type Draft = { text: string; base: TokenView };

const pretty = (view: TokenView) => JSON.stringify(view.payload, null, 2);

export function PayloadEditor({ view }: { view: TokenView }) {
  // The page refreshes the token silently (the header's keeper): an editor that kept the payload
  // from page load would report the new jti, iat and exp as the visitor's edits. So the text box
  // follows the current token until the visitor types, and starts from it again each time it opens.
  const [draft, setDraft] = useState<Draft | null>(null);
  const edited = draft !== null && draft.text !== pretty(draft.base);
  const base = edited ? draft.base : view;
  const text = edited ? draft.text : pretty(view);
  const stale = edited && draft.base.encodedPayload !== view.encodedPayload;
  const state = useSignatureCheck(base, text);
  const id = useId();
  return (
    <details
      className="space-y-2 text-sm"
      data-testid="token-editor"
      onToggle={(event) => {
        if (!event.currentTarget.open) setDraft(null);
      }}
    >
      <summary className="cursor-pointer py-1 font-semibold">
        Try changing it: edit the payload and watch the signature
      </summary>
      <p className="text-zinc-600 dark:text-zinc-400">
        Change the <code>sub</code> to someone else, or push <code>exp</code> into next year. The
        page re-encodes your edit and asks the server whether the original signature still fits.
        Nothing is signed, so nothing you make here is a token the app would accept.
      </p>
      <label htmlFor={id} className="block font-semibold">
        Payload (JSON)
      </label>
      <textarea
        id={id}
        className="field-input min-h-40 font-mono text-xs"
        value={text}
        spellCheck={false}
        onChange={(event) => setDraft({ text: event.target.value, base })}
      />
      {stale ? (
        <p data-testid="token-edit-stale">
          The page has refreshed your token since you started editing: your changes are compared
          with the token you started from, and checked against the signature of the one you hold
          now.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn-secondary min-h-6 px-2 py-1 text-xs"
          onClick={() => setDraft(null)}
          disabled={!edited}
        >
          {stale ? "Start again from the token I hold now" : "Undo my changes"}
        </button>
      </div>
      {state.kind === "checked" ? (
        <EncodedToken view={view} payload={state.encodedPayload} />
      ) : null}
      <div aria-live="polite">
        <EditResult state={state} />
      </div>
    </details>
  );
}
