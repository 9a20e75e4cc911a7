import { z } from "zod";
import { issueTokenPair, tokenResponse } from "@/lib/auth/jwt/lifecycle";
import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { json, jsonError } from "@/lib/http/json";
import { type AuthedHandler, authedRoute, methodNotAllowed } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

// The hybrids production apps use: a sign-in made one way, exchanged for the app's own JWT pair
// for API calls. From an OAuth sign-in: the provider says who the person is, and the SPA gets the
// app's tokens (never the provider's). From a server session: the web app keeps its cookie, and a
// mobile or API client of the same person gets tokens. The pair answers in JSON, like the token
// endpoint; the request is authenticated by the cookie, so its Origin is checked first.

const FROM = ["session", "oauth"] as const;
const fromSchema = z.enum(FROM);
type From = (typeof FROM)[number];

const issue =
  (from: From): AuthedHandler<unknown> =>
  async (request, { user, provenance, endsAt }) => {
    // The new family is exactly as fresh as the credential it came from: same proof, same
    // moment, same epoch. Exchanging a stolen cookie never manufactures a recent sign-in.
    if (!provenance) return jsonError(401, "unauthorized", "Sign in again first.");
    // …and it ends when that credential would have ended, not a full family lifetime later.
    const pair = await issueTokenPair(user.id, provenance, contextFrom(request.headers), {
      exchangedFrom: from,
      notAfter: endsAt,
    });
    return json({ ...tokenResponse(pair.accessToken, pair.refreshToken), exchanged_from: from });
  };

const routes = {
  session: authedRoute("session", authenticateSessionRequest, issue("session")),
  oauth: authedRoute("oauth", authenticateOAuthRequest, issue("oauth")),
};

export async function POST(request: Request, { params }: { params: Promise<{ from: string }> }) {
  const from = fromSchema.safeParse((await params).from);
  if (!from.success)
    return jsonError(404, "not_found", "Exchange a sign-in from session or oauth.");
  return routes[from.data](request, undefined);
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
