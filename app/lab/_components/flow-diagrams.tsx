import { StrategyDot } from "@/app/_components/strategy-dot";
import { STRATEGY_IDS } from "@/lib/auth/names";
import { FLOWS } from "./flows";
import { FLOW_IDS, type FlowId } from "./flows/ids";
import { HYBRID_FLOWS } from "./flows/hybrid";
import { SequenceDiagram } from "./sequence-diagram";

// The three flows, and the hybrids that combine them, each a native <details> (no client JS: the browser opens and closes them, from
// the keyboard too), holding the three strategies' diagrams side by side on wide screens.

const FLOW_TEXT: Record<FlowId, { title: string; summary: string }> = {
  "sign-in": {
    title: "Sign-in",
    summary:
      "All three end with an HttpOnly cookie; what differs is what it holds: a sealed random token whose hash names a row, a signed token anyone can read and any service can check, or an Auth.js session created once the provider vouches for the person.",
  },
  request: {
    title: "A request",
    summary:
      "The server session and Auth.js look up one database row on every request; a JWT is checked by its signature alone, and only this app's checked verifier adds a revocation lookup that other services skip.",
  },
  "refresh-revoke": {
    title: "Refresh and revoke",
    summary:
      "Deleting a row ends a session on its very next request; a JWT can only be refused by a lookup, so a service that checks signatures alone accepts a copy until it expires; and signing out of Auth Lab leaves the provider's grant in place.",
  },
};

function Flow({
  id,
  title,
  summary,
  open = false,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  open?: boolean;
  children: React.ReactNode;
}) {
  return (
    <details
      id={`flow-${id}`}
      open={open}
      // The browser toggles `open` itself, perhaps before React hydrates: not a mismatch.
      suppressHydrationWarning
      className="group rounded-xl border border-zinc-200 bg-zinc-100/60 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-xl px-4 py-3 font-semibold hover:bg-zinc-100 dark:hover:bg-zinc-900 [&::-webkit-details-marker]:hidden">
        <svg
          aria-hidden
          viewBox="0 0 16 16"
          className="size-4 shrink-0 transition-transform group-open:rotate-90 motion-reduce:transition-none"
        >
          <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {title}
      </summary>
      <div className="space-y-3 px-2 pb-3 sm:px-4 sm:pb-4">
        <p className="max-w-3xl px-2 text-sm text-zinc-600 sm:px-0 dark:text-zinc-400">{summary}</p>
        {children}
      </div>
    </details>
  );
}

export function FlowDiagrams() {
  return (
    <div className="space-y-3">
      {FLOW_IDS.map((flow, index) => (
        <Flow key={flow} id={flow} open={index === 0} {...FLOW_TEXT[flow]}>
          <div className="grid items-start gap-4 lg:grid-cols-3">
            {STRATEGY_IDS.map((strategy) => (
              <div key={strategy} className="min-w-0" data-testid={`flow-${flow}-${strategy}`}>
                <SequenceDiagram {...FLOWS[flow][strategy]} lead={<StrategyDot id={strategy} />} />
              </div>
            ))}
          </div>
        </Flow>
      ))}
      <Flow
        id="hybrid"
        title="Combining them"
        summary="The way a person signs in decides who they are; each client then gets the credential that suits it. For a browser app, production advice is a backend-for-frontend: the server keeps every token and the browser holds only a session cookie. Handing the refresh token to JavaScript works, but any injected script can carry it off: the riskier variant. A native mobile app holds tokens in its keychain. The lab's “Combining the models” runs the two exchanges."
      >
        <div className="grid items-start gap-4 lg:grid-cols-3">
          {HYBRID_FLOWS.map((diagram) => (
            <div key={diagram.title} className="min-w-0" data-testid="flow-hybrid-diagram">
              <SequenceDiagram {...diagram} />
            </div>
          ))}
        </div>
      </Flow>
    </div>
  );
}
