import type { StrategyId } from "@/lib/auth/names";
import { STRATEGIES } from "@/lib/auth/names";
import {
  type ExperimentName,
  experimentsIn,
  infoOf,
  type Requirement,
} from "@/lib/lab/experiments";

// The lab's parts in their suggested order, and what each part and experiment needs from this
// browser: one list for the table of contents, the experiments' buttons and the tour. An
// experiment's own needs are the registry's (lib/lab/experiments/index.ts).

/**
 * What is missing and the way forward (a sign-in, with its link); `cause` says why it is missing
 * when the browser held it until something ended it ("Your server session ended 20 s ago …").
 */
export type Needs = { text: string; href: string; cause?: string } | null;

/**
 * Who this browser is signed in as, whether this deployment offers provider sign-in at all, and
 * for a credential the browser still holds but that is over, why (lib/lab/ended.ts).
 */
export type SignedIn = Record<StrategyId, boolean> & {
  oauthOffered: boolean;
  ended?: Partial<Record<StrategyId, string>>;
};

type Part = { id: string; title: string; requires?: Requirement };

/** A part holding experiments needs what its experiment needs (the "Experiments" part lists its own). */
const needsOfPart = (part: Part): Part => {
  if (part.requires || part.id === "experiments-heading") return part;
  const [experiment] = experimentsIn(part.id);
  const requires = experiment ? infoOf(experiment).lab?.requires : undefined;
  return requires && requires !== "nothing" ? { ...part, requires } : part;
};

const PARTS: Part[] = [
  { id: "lab-columns", title: "What each holds" },
  { id: "lifetimes-heading", title: "Lifetimes" },
  { id: "flows-heading", title: "How each one works" },
  { id: "experiments-heading", title: "Experiments" },
  { id: "token-anatomy", title: "What's in a token", requires: "jwt" },
  { id: "id-token", title: "Identity vs authorization", requires: "oauth" },
  { id: "hybrid", title: "Combining the models" },
  { id: "fixation", title: "Session fixation" },
  { id: "takeover", title: "A stolen cookie, turned into the account?" },
  { id: "password-storage", title: "Storing passwords" },
  { id: "key-rotation", title: "Rotating signing keys" },
  { id: "passkeys", title: "Passkeys" },
  { id: "scaling-heading", title: "Scaling" },
  { id: "script-heading", title: "What a script can read" },
  { id: "cost-heading", title: "What a request costs" },
  { id: "timeline-heading", title: "Timeline" },
];

export const LAB_PARTS = PARTS.map(needsOfPart);

/** A part's heading, as the table of contents shows it. */
export const partTitle = (id: string) => PARTS.find((part) => part.id === id)?.title ?? id;

/** The experiments listed under the "Experiments" part, in the registry's order. */
export const EXPERIMENTS_PART = experimentsIn("experiments-heading");

const signIn = (id: StrategyId, what: string) => ({
  text: what,
  href: `${STRATEGIES[id].loginPath}?next=/lab`,
});

/** What the browser still lacks for the experiment `name`; null when it can run. */
export const needsOf = (name: ExperimentName, signedIn: SignedIn): Needs =>
  needsFor(infoOf(name).lab?.requires ?? "nothing", signedIn);

/** What the browser still lacks for the lab part `id` (listed above); null when ready. */
export function partNeeds(id: string, signedIn: SignedIn): Needs {
  const requires = LAB_PARTS.find((part) => part.id === id)?.requires;
  return requires ? needsFor(requires, signedIn) : null;
}

/** The strategies any one of which meets `requires`. */
const MET_BY: Record<Exclude<Requirement, "nothing">, StrategyId[]> = {
  any: ["session", "jwt", "oauth"],
  "session-or-jwt": ["session", "jwt"],
  "session-or-oauth": ["session", "oauth"],
  session: ["session"],
  jwt: ["jwt"],
  oauth: ["oauth"],
};

/** What the browser still lacks for `requires`, and why when it had it: the cause, then the way forward. */
export function needsFor(requires: Requirement, signedIn: SignedIn): Needs {
  const needs = missingFor(requires, signedIn);
  if (!needs || requires === "nothing") return needs;
  const cause = MET_BY[requires].map((id) => signedIn.ended?.[id]).find(Boolean);
  return cause ? { ...needs, text: "sign in again", cause } : needs;
}

/** The same in one sentence, for a result that could not run: "Your … ended …: sign in again." */
export const needsSentence = (needs: NonNullable<Needs>) =>
  needs.cause
    ? `${needs.cause}: ${needs.text}.`
    : `${needs.text.charAt(0).toUpperCase()}${needs.text.slice(1)}.`;

function missingFor(requires: Requirement, signedIn: SignedIn): Needs {
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
      if (signedIn.session || signedIn.oauth) return null;
      return signedIn.oauthOffered
        ? signIn("oauth", "sign in with Google, GitHub or a server session first")
        : signIn("session", "sign in with a server session first");
    case "session":
      return signedIn.session ? null : signIn("session", "sign in with a server session first");
    case "jwt":
      return signedIn.jwt ? null : signIn("jwt", "sign in with JWT first");
    case "oauth":
      if (signedIn.oauth) return null;
      // The sign-in page says how a deployment turns providers on.
      return signedIn.oauthOffered
        ? signIn("oauth", "sign in with Google or GitHub first")
        : { text: "Google and GitHub are not configured on this deployment", href: "/oauth/login" };
  }
}
