import type { StrategyId } from "@/lib/auth/names";
import type { Diagram } from "../sequence-types";
import type { FlowId } from "./ids";
import { JWT_FLOWS } from "./jwt";
import { OAUTH_FLOWS } from "./oauth";
import { SESSION_FLOWS } from "./session";

// The three flows of each strategy, drawn as sequence diagrams on the lab page. Each file
// follows its strategy's code; the steps name the real routes, tables and cookies.

export const FLOWS: Record<FlowId, Record<StrategyId, Diagram>> = {
  "sign-in": {
    session: SESSION_FLOWS["sign-in"],
    jwt: JWT_FLOWS["sign-in"],
    oauth: OAUTH_FLOWS["sign-in"],
  },
  request: { session: SESSION_FLOWS.request, jwt: JWT_FLOWS.request, oauth: OAUTH_FLOWS.request },
  "refresh-revoke": {
    session: SESSION_FLOWS["refresh-revoke"],
    jwt: JWT_FLOWS["refresh-revoke"],
    oauth: OAUTH_FLOWS["refresh-revoke"],
  },
};
