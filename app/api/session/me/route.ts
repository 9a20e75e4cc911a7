import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { json } from "@/lib/http/json";
import { authedRoute, methodNotAllowed } from "@/lib/http/route";

export const GET = authedRoute("session", authenticateSessionRequest, async (_request, { user }) =>
  json({ strategy: "session", user }),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
