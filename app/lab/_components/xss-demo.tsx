"use client";

import { useEffect, useRef, useState } from "react";
import { ResultPanel } from "@/app/_components/result-panel";
import { resultKey, saveInTab, useSavedResult, useStored } from "@/app/_components/saved-results";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { ExperimentResult } from "@/lib/lab/experiments/result";
import type { Probe } from "@/lib/lab/client/probe";
import { ExperimentCard } from "./experiment-card";
import { NeedsNote } from "./needs-note";

// A clearly labelled demo of the SPA habit of keeping the access token in localStorage, and of
// what a script injected into the page (XSS) can then take, next to the HttpOnly cookies it can't.
// The demo's token is made for the demo's own API (its audience): the app's APIs refuse it.

const KEY = "demo_spa_access_token";
const preview = (token: string) => `${token.slice(0, 12)}…(${token.length} bytes)`;

/** What an injected script would run. Simulated here, in the open, on purpose. */
async function injectedScript(): Promise<ExperimentResult> {
  const stolen = window.localStorage.getItem(KEY);
  const cookies = document.cookie;
  const origin = window.location.origin;
  const replay = async (label: string, path: string, expected: number): Promise<Probe> => {
    const response = await fetch(path, { headers: { authorization: `Bearer ${stolen}` } });
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    return {
      label,
      method: "GET",
      path,
      sent: [{ name: "Authorization", value: `Bearer ${preview(stolen ?? "")}` }],
      status: response.status,
      expected,
      code: body?.error?.code ?? null,
      message: body?.error?.message ?? null,
      asExpected: response.status === expected,
      curl: `curl -i -H "Authorization: Bearer $STOLEN_TOKEN" '${origin}${path}'`,
    };
  };
  const probes = stolen
    ? [
        // An attacker sends it home and uses it from their own machine; any client will do.
        await replay(
          "The stolen token, used elsewhere against the demo SPA's API",
          "/api/lab/spa-demo/profile",
          200,
        ),
        await replay("The same token against the app's own API", "/api/jwt/me", 401),
      ]
    : [];
  return {
    experiment: "xss",
    probes,
    verdict: stolen
      ? {
          outcome: "partly",
          headline: "The script took the localStorage token, not the cookies",
          reason: `From localStorage it read ${preview(stolen)}, which works anywhere until it expires. From document.cookie it read ${cookies ? `"${cookies}"` : "nothing"}: the HttpOnly cookies are invisible to scripts. A script can act while the page is open, but can't carry those away.`,
        }
      : {
          outcome: "nothing-to-try",
          headline: "Nothing in localStorage",
          reason:
            "Store a token the SPA way first; document.cookie shows no HttpOnly cookie either way.",
        },
    events: [],
    ranAt: new Date().toISOString(),
  };
}

export function XssDemo({ needs }: { needs: { text: string; href: string } | null }) {
  const hydrated = useHydrated();
  const token = useStored(KEY, "local");
  const result = useSavedResult("xss");
  const [freshAt, setFreshAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const focusTarget = useRef<HTMLDivElement>(null);
  const justRan = useRef(false);
  const stored = token ? preview(token) : null;
  const restored = result !== null && result.ranAt !== freshAt;

  useEffect(() => {
    if (result && justRan.current) {
      justRan.current = false;
      focusTarget.current?.focus();
    }
  }, [result]);

  const store = async () => {
    setError(null);
    const response = await fetch("/api/lab/spa-token", { method: "POST" });
    if (!response.ok)
      return setError("Sign in with JWT first: the demo token is issued for that session.");
    const { access_token: issued } = (await response.json()) as { access_token: string };
    saveInTab(KEY, issued, "local"); // the habit this demo is about; don't do this
  };
  const runScript = async () => {
    const outcome = await injectedScript();
    justRan.current = true;
    setFreshAt(outcome.ranAt);
    saveInTab(resultKey("xss"), JSON.stringify(outcome));
  };
  const cleanUp = () => {
    saveInTab(KEY, null, "local");
    saveInTab(resultKey("xss"), null);
  };

  return (
    <ExperimentCard name="xss">
      <p className="rounded-md border border-dashed border-red-700 p-2 text-xs">
        Demo: this card deliberately stores a separate, 60-second access token in localStorage, the
        way many single-page apps do. Auth Lab itself never does, and this one is made for the
        demo&apos;s own API only: the app&apos;s APIs refuse it.
      </p>
      <NeedsNote needs={needs} testId="experiment-needs" />
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" disabled={!hydrated} onClick={store}>
          Store a token the SPA way
        </button>
        <button type="button" className="btn-secondary" disabled={!hydrated} onClick={runScript}>
          Run the injected script
        </button>
        <button type="button" className="btn-secondary" disabled={!hydrated} onClick={cleanUp}>
          Clean up
        </button>
      </div>
      <div aria-live="polite" className="space-y-2 text-sm">
        {error ? <p className="text-danger">{error}</p> : null}
        {stored ? <p data-testid="xss-stored">Stored in localStorage: {stored}</p> : null}
        {result ? <ResultPanel ref={focusTarget} result={result} restored={restored} /> : null}
      </div>
    </ExperimentCard>
  );
}
