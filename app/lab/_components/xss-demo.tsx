"use client";

import { useState } from "react";

// A clearly labelled demo of the SPA habit of keeping the access token in localStorage, and of
// what a script injected into the page (XSS) can then take, next to the HttpOnly cookie it can't.

const KEY = "demo_spa_access_token";
const preview = (token: string) => `${token.slice(0, 12)}… (${token.length} bytes)`;

type Loot = {
  storage: string | null;
  cookie: string;
  /** The stolen token against the API it was made for (the demo SPA's) and against the app's. */
  replay: { demo: number; app: number } | null;
};

/** What an injected script would run. Simulated here, in the open, on purpose. */
async function injectedScript(): Promise<Loot> {
  const storage = window.localStorage.getItem(KEY);
  const cookie = document.cookie;
  // An attacker sends it home and uses it from their own machine; any client will do.
  const replayAt = async (path: string) =>
    (await fetch(path, { headers: { authorization: `Bearer ${storage}` } })).status;
  const replay = storage
    ? { demo: await replayAt("/api/lab/spa-demo/profile"), app: await replayAt("/api/jwt/me") }
    : null;
  return { storage, cookie, replay };
}

export function XssDemo() {
  const [stored, setStored] = useState<string | null>(null);
  const [loot, setLoot] = useState<Loot | null>(null);
  const [error, setError] = useState<string | null>(null);

  const store = async () => {
    setError(null);
    const response = await fetch("/api/lab/spa-token", { method: "POST" });
    if (!response.ok)
      return setError("Sign in with JWT first: the demo token is issued for that session.");
    const { access_token: token } = (await response.json()) as { access_token: string };
    window.localStorage.setItem(KEY, token); // the habit this demo is about; don't do this
    setStored(preview(token));
  };
  const cleanUp = () => {
    window.localStorage.removeItem(KEY);
    setStored(null);
    setLoot(null);
  };

  return (
    <article
      className="space-y-3 card"
      aria-labelledby="experiment-xss"
      data-testid="experiment-xss"
    >
      <h3 id="experiment-xss" className="font-semibold">
        What an injected script can steal
      </h3>
      <p className="rounded-md border border-dashed border-red-700 p-2 text-xs">
        Demo: this card deliberately stores a separate, 60-second access token in localStorage, the
        way many single-page apps do. Auth Lab itself never does, and this one is made for the
        demo&apos;s own API only: the app&apos;s APIs refuse it.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={store}>
          Store a token the SPA way
        </button>
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => setLoot(await injectedScript())}
        >
          Run the injected script
        </button>
        <button type="button" className="btn-secondary" onClick={cleanUp}>
          Clean up
        </button>
      </div>
      <div aria-live="polite" className="space-y-1 text-sm">
        {error ? <p className="text-danger">{error}</p> : null}
        {stored ? <p data-testid="xss-stored">Stored in localStorage: {stored}</p> : null}
        {loot ? (
          <ul className="space-y-1" data-testid="xss-loot">
            <li>
              From localStorage:{" "}
              {loot.storage ? <strong>{preview(loot.storage)}, stolen</strong> : "nothing"}
            </li>
            <li>
              From document.cookie:{" "}
              {loot.cookie || "nothing: the HttpOnly cookies are invisible to scripts"}
            </li>
            {loot.replay !== null ? (
              <>
                <li>
                  The stolen token, used from elsewhere against the demo SPA&apos;s API:{" "}
                  {loot.replay.demo}
                </li>
                <li>The same token against the app&apos;s own API: {loot.replay.app}</li>
              </>
            ) : null}
          </ul>
        ) : null}
        {loot ? (
          <p>
            The token in localStorage walks out with the script and keeps working anywhere until it
            expires. The HttpOnly cookies stay put: a script can act while the page is open, but
            can&apos;t carry them away.
          </p>
        ) : null}
      </div>
    </article>
  );
}
