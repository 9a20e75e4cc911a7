import "server-only";
import type { Authenticator } from "@/lib/http/route";
import { authenticateSession } from "./guard";

/** The session strategy's guard, in the shape route handlers take. */
export const authenticateSessionRequest: Authenticator = async (_request, timing) =>
  (await authenticateSession(timing)).user;
