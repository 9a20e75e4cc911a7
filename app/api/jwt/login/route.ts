import { setTokenCookies } from "@/lib/auth/jwt/cookies";
import { issueTokenPair } from "@/lib/auth/jwt/lifecycle";
import { credentialsRoute } from "@/lib/auth/http/credentials-route";
import { json } from "@/lib/http/json";

// JSON sign-in for browsers: the same check as the form, and the pair goes into the same two
// HttpOnly cookies. API clients that keep tokens themselves use /api/jwt/token instead.
export const { GET, POST, PUT, PATCH, DELETE } = credentialsRoute({
  strategy: "jwt",
  origin: "strict",
  onSuccess: async (user, context) => {
    const pair = await issueTokenPair(user.id, user.provenance, context);
    await setTokenCookies(pair.accessToken, pair.refreshToken, pair.familyExpiresAt);
    const { id, email, name } = user;
    return json({
      strategy: "jwt",
      user: { id, email, name },
      expiresAt: new Date(pair.claims.exp * 1000).toISOString(),
    });
  },
});
