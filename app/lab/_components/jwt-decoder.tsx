"use client";

import { useId, useState } from "react";
import * as z from "zod/mini";
import { ClaimTable } from "@/app/_components/claim-table";
import { PART_STYLE } from "@/app/_components/encoded-token";
import { useNowSeconds } from "@/app/jwt/_components/countdown";
import { decodePart } from "@/lib/tokens/anatomy";
import { readError } from "./request-check";

// Paste any JWT, as on jwt.io: decoded here, in the browser, as anyone holding it could; nothing
// is sent until the visitor asks the server to verify it, against this app's JWKS or a public key
// they paste (a JWK, a JWKS, a PEM block), and the answer says in words why it fails.

type Decoded =
  | { ok: true; header: Record<string, unknown>; payload: Record<string, unknown> }
  | { ok: false; why: string };

/** What a pasted string decodes to, or why it doesn't, in words. */
function decode(text: string): Decoded {
  const parts = text.trim().split(".");
  if (parts.length !== 3)
    return {
      ok: false,
      why: `A JWT has three parts joined by dots (header.payload.signature); this has ${parts.length}.`,
    };
  const [header, payload] = [decodePart(parts[0] ?? ""), decodePart(parts[1] ?? "")];
  if (!header) return { ok: false, why: "The first part (the header) is not base64url JSON." };
  if (!payload) return { ok: false, why: "The second part (the payload) is not base64url JSON." };
  return { ok: true, header, payload };
}

const verdictSchema = z.object({ valid: z.boolean(), reason: z.string(), message: z.string() });
type Verdict = z.infer<typeof verdictSchema>;

export function JwtDecoder() {
  const id = useId();
  const now = useNowSeconds();
  const [text, setText] = useState("");
  const [key, setKey] = useState("");
  const [verdict, setVerdict] = useState<
    { for: string; answer: Verdict } | { for: string; error: string } | null
  >(null);
  const [busy, setBusy] = useState(false);
  const decoded = text.trim() ? decode(text) : null;
  // A verdict belongs to the token and key it was asked for: an edit since makes it stale.
  const current = `${text}\n${key}`;
  const shown = verdict && verdict.for === current ? verdict : null;

  const verify = async () => {
    setBusy(true);
    const asked = current;
    const response = await fetch("/api/tokens/verify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(key.trim() ? { token: text, key } : { token: text }),
    }).catch(() => null);
    setBusy(false);
    if (!response)
      return setVerdict({ for: asked, error: "The request failed. Check your connection." });
    if (!response.ok) {
      const error = await readError(response);
      return setVerdict({
        for: asked,
        error: error?.message ?? `The server answered ${response.status}.`,
      });
    }
    const parsed = verdictSchema.safeParse(await response.json().catch(() => null));
    setVerdict(
      parsed.success
        ? { for: asked, answer: parsed.data }
        : { for: asked, error: "The server's answer could not be read." },
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2" data-testid="jwt-decoder">
      <h3 id={`${id}-heading`} className="font-semibold">
        Paste any JWT
      </h3>
      <label htmlFor={`${id}-token`} className="block text-sm">
        A token to decode (decoded in your browser; nothing is sent unless you ask to verify it)
      </label>
      <textarea
        id={`${id}-token`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        className="w-full rounded-lg border border-zinc-300 bg-white p-2 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-950"
      />
      {decoded && !decoded.ok ? (
        <p className="text-sm text-danger" data-testid="decoder-error">
          {decoded.why}
        </p>
      ) : null}
      {decoded?.ok ? (
        <div className="@container">
          <div className="grid gap-3 @2xl:grid-cols-2">
            <ClaimTable
              part="header"
              values={decoded.header}
              now={now}
              className={PART_STYLE.header}
              testId="decoder-header"
            />
            <ClaimTable
              part="payload"
              values={decoded.payload}
              now={now}
              className={PART_STYLE.payload}
              testId="decoder-payload"
            />
          </div>
        </div>
      ) : null}
      <label htmlFor={`${id}-key`} className="block text-sm">
        A public key to verify with, optional (a JWK, a JWKS or a PEM block; empty: this app&apos;s
        JWKS)
      </label>
      <textarea
        id={`${id}-key`}
        value={key}
        onChange={(event) => setKey(event.target.value)}
        rows={2}
        spellCheck={false}
        autoComplete="off"
        placeholder='-----BEGIN PUBLIC KEY----- … or {"kty": …}'
        className="w-full rounded-lg border border-zinc-300 bg-white p-2 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-950"
      />
      <button
        type="button"
        className="btn-secondary"
        onClick={verify}
        disabled={busy || !text.trim()}
      >
        {busy
          ? "Verifying…"
          : key.trim()
            ? "Verify with this key (sends both to this server)"
            : "Verify against this app's JWKS (sends it to this server)"}
      </button>
      <p aria-live="polite" className="text-sm" data-testid="decoder-verdict">
        {shown && "answer" in shown ? (
          <span className={shown.answer.valid ? "text-success" : "text-danger"}>
            {shown.answer.message}
          </span>
        ) : shown ? (
          <span className="text-danger">{shown.error}</span>
        ) : null}
      </p>
    </section>
  );
}
