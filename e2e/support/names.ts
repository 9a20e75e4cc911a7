// The app's own names (strategy ids, labels, paths, cookie names), as the specs see them over
// plain http://localhost: no `__Host-` prefixes.
import { cookieNames } from "../../lib/auth/names";

export {
  JWT_REFRESH_PATH,
  STRATEGIES,
  STRATEGY_IDS,
  STRATEGY_LIST,
  type StrategyId,
} from "../../lib/auth/names";

export const COOKIES = cookieNames(false);

/** How every credential cookie is set over plain http://localhost: HttpOnly, Lax, for every path. */
export const CREDENTIAL_COOKIE = {
  httpOnly: true,
  sameSite: "Lax",
  path: "/",
  secure: false,
  domain: "localhost",
} as const;
