import { issueTokenPair, tokenResponse } from "@/lib/auth/jwt/lifecycle";
import { credentialsRoute } from "@/lib/http/credentials-route";
import { json } from "@/lib/http/json";
import { methodNotAllowed } from "@/lib/http/route";

// The token endpoint for API clients: email and password in, an access/refresh pair out (JSON).
// Browsers sign in through /jwt/login, which puts the pair in HttpOnly cookies instead.
export const POST = credentialsRoute(
  "jwt",
  async (user, context) => {
    const pair = await issueTokenPair(user.id, user.provenance, context);
    return json(tokenResponse(pair.accessToken, pair.refreshToken));
  },
  { browser: false },
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
