import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { json } from "@/lib/http/json";
import { authedRoute, methodNotAllowed } from "@/lib/http/route";

export const GET = authedRoute("oauth", authenticateOAuthRequest, async (_request, { user }) =>
  json({ strategy: "oauth", user }),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
