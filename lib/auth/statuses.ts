import "server-only";
import { cookies } from "next/headers";
import type { User } from "@/lib/auth/user";
import { isHttps } from "@/lib/env";
import { cookieNames, PRESENCE_COOKIE, STRATEGY_LIST, type StrategyId } from "./names";

// Who is signed in under each strategy, for the header on every page. A browser that holds no
// credential of a strategy is signed out of it without asking that strategy anything, and without
// loading its code: a first visit (no cookies at all) loads no guard, no token library and no
// database client, so a cold page answers as fast as the page itself allows.

type Listed = (typeof STRATEGY_LIST)[number];

export type StrategyStatus = Pick<Listed, "id" | "label" | "short" | "href"> & {
  user: Pick<User, "name" | "email"> | null;
  unavailable: boolean;
};

const signedOut = ({ id, label, short, href }: Listed): StrategyStatus => ({
  id,
  label,
  short,
  href,
  user: null,
  unavailable: false,
});

async function askStrategy(id: StrategyId, listed: Listed): Promise<StrategyStatus> {
  const { getStrategy } = await import("./strategies");
  const { peekUser, unavailable } = getStrategy(id);
  const [found, down] = await Promise.all([peekUser(), unavailable()]);
  return {
    ...signedOut(listed),
    user: found && { name: found.name, email: found.email },
    unavailable: down,
  };
}

/** For the header: it shows who is signed in, it is not a use, so it writes nothing. */
export async function getStrategyStatuses(): Promise<StrategyStatus[]> {
  const jar = await cookies();
  const names = cookieNames(isHttps());
  return Promise.all(
    STRATEGY_LIST.map((listed) =>
      jar.has(names[PRESENCE_COOKIE[listed.id]])
        ? askStrategy(listed.id, listed)
        : signedOut(listed),
    ),
  );
}
