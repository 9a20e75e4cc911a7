import { issueTokenPair, tokenResponse } from "@/lib/auth/jwt/lifecycle";
import { credentialsRoute } from "@/lib/auth/http/credentials-route";
import { json } from "@/lib/http/json";

// The token endpoint for API clients: email and password in, an access/refresh pair out (JSON).
// Browsers sign in through /jwt/login, which puts the pair in HttpOnly cookies instead.
export const { GET, POST, PUT, PATCH, DELETE } = credentialsRoute({
  strategy: "jwt",
  origin: "strict",
  onSuccess: async (user, context) => {
    const pair = await issueTokenPair(user.id, user.provenance, context);
    return json(tokenResponse(pair.accessToken, pair.refreshToken));
  },
  browser: false,
});
