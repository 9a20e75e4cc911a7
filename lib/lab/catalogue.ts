import "server-only";
import type { StrategyId } from "@/lib/auth/names";
import { STRATEGIES } from "@/lib/auth/names";

// The lab's parts in their suggested order, and what each experiment needs from this browser:
// one list for the table of contents, the experiments' buttons and the tour.

export type Requirement = "nothing" | StrategyId | "session-or-jwt" | "session-or-oauth" | "any";
export type Needs = { text: string; href: string } | null;

export const LAB_PARTS: { id: string; title: string; requires?: Requirement }[] = [
  { id: "lab-columns", title: "What each holds" },
  { id: "lifetimes-heading", title: "Lifetimes" },
  { id: "flows-heading", title: "How each one works" },
  { id: "experiments-heading", title: "Experiments" },
  { id: "token-anatomy", title: "What's in a token", requires: "jwt" },
  { id: "id-token", title: "Identity vs authorization", requires: "oauth" },
  { id: "hybrid", title: "Combining the models", requires: "session-or-oauth" },
  { id: "fixation", title: "Session fixation" },
  { id: "takeover", title: "A stolen cookie, turned into the account?" },
  { id: "password-storage", title: "Storing passwords" },
  { id: "key-rotation", title: "Rotating signing keys", requires: "jwt" },
  { id: "scaling-heading", title: "Scaling" },
  { id: "script-heading", title: "What a script can read" },
  { id: "cost-heading", title: "What a request costs" },
  { id: "timeline-heading", title: "Timeline" },
];

export const EXPERIMENT_PARTS: { id: string; title: string; requires: Requirement }[] = [
  { id: "tamper", title: "Tamper with a token", requires: "session-or-jwt" },
  { id: "forged-alg", title: "Forge the algorithm", requires: "nothing" },
  { id: "replay", title: "Replay after sign-out", requires: "any" },
  { id: "refresh-reuse", title: "Reuse a refresh token", requires: "jwt" },
  { id: "xss", title: "What a script can steal", requires: "jwt" },
  { id: "cross-site", title: "A cross-site request", requires: "session-or-jwt" },
  { id: "expiry", title: "Expiry, sped up", requires: "session-or-jwt" },
  { id: "delegated", title: "Act on your behalf", requires: "oauth" },
];

const signIn = (id: StrategyId, what: string) => ({
  text: what,
  href: `${STRATEGIES[id].loginPath}?next=/lab`,
});

/** What the browser still lacks for the lab part or experiment `id` (listed above); null when ready. */
export function needsOf(id: string, signedIn: Record<StrategyId, boolean>): Needs {
  const part = [...LAB_PARTS, ...EXPERIMENT_PARTS].find((candidate) => candidate.id === id);
  return part?.requires ? needsFor(part.requires, signedIn) : null;
}

/** What the browser still lacks for `requires`, given who it is signed in as. */
export function needsFor(requires: Requirement, signedIn: Record<StrategyId, boolean>): Needs {
  switch (requires) {
    case "nothing":
      return null;
    case "any":
      return signedIn.session || signedIn.jwt || signedIn.oauth
        ? null
        : signIn("session", "sign in under any strategy first");
    case "session-or-jwt":
      return signedIn.session || signedIn.jwt
        ? null
        : signIn("session", "sign in with a server session or a JWT first");
    case "session-or-oauth":
      return signedIn.session || signedIn.oauth
        ? null
        : signIn("oauth", "sign in with Google, GitHub or a server session first");
    case "session":
      return signedIn.session ? null : signIn("session", "sign in with a server session first");
    case "jwt":
      return signedIn.jwt ? null : signIn("jwt", "sign in with JWT first");
    case "oauth":
      return signedIn.oauth ? null : signIn("oauth", "sign in with Google or GitHub first");
  }
}
