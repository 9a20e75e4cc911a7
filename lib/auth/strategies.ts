import "server-only";
import { z } from "zod";
import { STRATEGIES, STRATEGY_IDS, type StrategyId } from "./names";
import { getCurrentJwt } from "./jwt/guard";
import { auth } from "./oauth/auth";
import { getCurrentSession, peekSession } from "./session/guard";

// The small common face of the three strategies. Pages, the header and notes code talk to this,
// never to a strategy's cookie, token or table.

export type CurrentUser = { id: string; name: string | null; email: string };

export type Strategy = {
  id: StrategyId;
  label: string;
  short: string;
  href: string;
  loginPath: string;
  currentUser(): Promise<CurrentUser | null>;
  /** The same question without counting as activity (status displays, polling); defaults to currentUser. */
  peekUser?(): Promise<CurrentUser | null>;
  /** Signed out only because a short-lived credential expired: a page can refresh silently. */
  recoverable?(): Promise<boolean>;
};

export const strategies: readonly Strategy[] = [
  {
    ...STRATEGIES.session,
    currentUser: async () => (await getCurrentSession()).user,
    // Polling must not keep an idle session alive.
    peekUser: async () => (await peekSession()).user,
  },
  {
    ...STRATEGIES.jwt,
    currentUser: async () => {
      const auth = await getCurrentJwt();
      // Pages use the checked verifier, which knows the person's email and name.
      return auth.ok && auth.user.email
        ? { id: auth.user.id, email: auth.user.email, name: auth.user.name ?? null }
        : null;
    },
    recoverable: async () => {
      const auth = await getCurrentJwt();
      return !auth.ok && auth.reason === "expired";
    },
  },
  {
    ...STRATEGIES.oauth,
    currentUser: async () => {
      const user = (await auth())?.user;
      return user?.id && user.email
        ? { id: user.id, email: user.email, name: user.name ?? null }
        : null;
    },
  },
];

export const strategyIdSchema = z.enum(STRATEGY_IDS);

export function getStrategy(id: StrategyId): Strategy {
  const strategy = strategies.find((candidate) => candidate.id === id);
  if (!strategy) throw new Error(`unknown strategy ${id}`);
  return strategy;
}

export type StrategyStatus = Pick<Strategy, "id" | "label" | "short" | "href"> & {
  user: Pick<CurrentUser, "name" | "email"> | null;
};

/** For the header: it shows who is signed in, it is not a use, so it never slides a session. */
export async function getStrategyStatuses(): Promise<StrategyStatus[]> {
  return Promise.all(
    strategies.map(async ({ id, label, short, href, currentUser, peekUser }) => {
      const user = await (peekUser ?? currentUser)();
      return {
        id,
        label,
        short,
        href,
        user: user && { name: user.name, email: user.email },
      };
    }),
  );
}
