"use client";

import { useState, useSyncExternalStore } from "react";

// The cross-site experiment: the attacker page lives on the other loopback host (localhost and
// 127.0.0.1 are different sites to a browser). Count your notes, run the attack there, count again.

const OTHER_HOST: Record<string, string> = { localhost: "127.0.0.1", "127.0.0.1": "localhost" };
const STRATEGIES = ["session", "jwt", "oauth"] as const;

const noSubscribe = () => () => {};
const attackerUrl = () => {
  const other = OTHER_HOST[window.location.hostname];
  return other ? `${window.location.protocol}//${other}:${window.location.port}/attacker` : "";
};

export function CrossSite() {
  const url = useSyncExternalStore(noSubscribe, attackerUrl, () => null);
  const [counts, setCounts] = useState<string | null>(null);
  const count = async () => {
    const parts = await Promise.all(
      STRATEGIES.map(async (strategy) => {
        const response = await fetch(`/api/${strategy}/notes`, { cache: "no-store" });
        if (!response.ok) return `${strategy}: signed out`;
        const { notes } = (await response.json()) as { notes: unknown[] };
        return `${strategy}: ${notes.length} notes`;
      }),
    );
    setCounts(parts.join(" · "));
  };
  if (url === null) return null;
  return (
    <article
      className="space-y-3 card"
      aria-labelledby="experiment-cross-site"
      data-testid="experiment-cross-site"
    >
      <h3 id="experiment-cross-site" className="font-semibold">
        A cross-site request
      </h3>
      {url ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Count your notes, open the attacker page (another site to your browser), press its
            button, then count again.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={count}>
              Count my notes
            </button>
            <a href={url} target="_blank" rel="noopener" className="btn-secondary no-underline">
              Open the attacker page
            </a>
          </div>
          <p aria-live="polite" className="text-sm" data-testid="note-counts">
            {counts}
          </p>
          <p className="text-sm">
            Nothing is created: the browser doesn&apos;t attach SameSite=Lax cookies to a cross-site
            POST, and every notes route refuses an unsafe request whose Origin is another site
            (403).
          </p>
        </>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Needs a second origin: run Auth Lab on localhost and open the lab there.
        </p>
      )}
    </article>
  );
}
