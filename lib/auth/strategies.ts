import "server-only";
import type { StrategyId } from "./events";

// The small common face of the three strategies. Pages, the header and notes code talk to this,
// never to a strategy's cookie, token or table.

export type CurrentUser = { id: string; name: string | null; email: string };

export type Strategy = {
  id: StrategyId;
  label: string;
  short: string;
  href: string;
  /** False until the strategy is built; the header shows a placeholder. */
  available: boolean;
  currentUser(): Promise<CurrentUser | null>;
};

const nobody = async (): Promise<CurrentUser | null> => null;

export const strategies: readonly Strategy[] = [
  { id: "session", label: "Server session", short: "Session", href: "/session", available: false, currentUser: nobody },
  { id: "jwt", label: "JWT access + refresh", short: "JWT", href: "/jwt", available: false, currentUser: nobody },
  { id: "oauth", label: "Google / GitHub (OAuth)", short: "OAuth", href: "/oauth", available: false, currentUser: nobody },
];

export type StrategyStatus = Pick<Strategy, "id" | "label" | "short" | "href" | "available"> & {
  user: Pick<CurrentUser, "name" | "email"> | null;
};

export async function getStrategyStatuses(): Promise<StrategyStatus[]> {
  return Promise.all(
    strategies.map(async ({ id, label, short, href, available, currentUser }) => {
      const user = available ? await currentUser() : null;
      return { id, label, short, href, available, user: user && { name: user.name, email: user.email } };
    }),
  );
}
