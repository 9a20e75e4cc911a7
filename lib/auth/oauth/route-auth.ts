import "server-only";
import type { Authenticator } from "@/lib/http/route";
import { auth } from "./auth";

/** The Auth.js guard in the shape route handlers take: its session lookup is one query. */
export const authenticateOAuthRequest: Authenticator = async (_request, timing) => {
  const session = await timing.measure("db", () => auth());
  const user = session?.user;
  return user?.id ? { id: user.id, email: user.email ?? undefined, name: user.name ?? null } : null;
};
