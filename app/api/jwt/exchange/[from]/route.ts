import { z } from "zod";
import type { AuthedUser } from "@/lib/auth/http/authenticator";
import { issueTokenPair, tokenResponse } from "@/lib/auth/jwt/lifecycle";
import { authenticateOAuthRequest } from "@/lib/auth/oauth/route-auth";
import { authenticateSessionRequest } from "@/lib/auth/session/route-auth";
import { json, jsonError } from "@/lib/http/json";
import { type GuardedHandler, route } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

// Combining the models: a sign-in made one way, exchanged for the app's own JWT pair
// for API calls. From an OAuth sign-in: the provider says who the person is, and the SPA gets the
// app's tokens (never the provider's). From a server session: the web app keeps its cookie, and a
// mobile or API client of the same person gets tokens. The pair answers in JSON, like the token
// endpoint; the request is authenticated by the cookie, so its Origin is checked first.

const FROM = ["session", "oauth"] as const;
const fromSchema = z.enum(FROM);
type From = (typeof FROM)[number];

const issue =
  (from: From): GuardedHandler<unknown, AuthedUser> =>
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

const exchanges = {
  session: route({
    strategy: "session",
    origin: "strict",
    auth: authenticateSessionRequest,
    methods: { POST: issue("session") },
  }),
  oauth: route({
    strategy: "oauth",
    origin: "strict",
    auth: authenticateOAuthRequest,
    methods: { POST: issue("oauth") },
  }),
};

// Which exchange comes from the path, before anything else: an unknown one is a plain 404.
export async function POST(request: Request, { params }: { params: Promise<{ from: string }> }) {
  const from = fromSchema.safeParse((await params).from);
  if (!from.success)
    return jsonError(404, "not_found", "Exchange a sign-in from session or oauth.");
  return exchanges[from.data].POST(request, undefined);
}

// The other methods answer 405 alike from either exchange.
export const { GET, PUT, PATCH, DELETE } = exchanges.session;
