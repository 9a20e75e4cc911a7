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
