import { issueAccessToken } from "@/lib/auth/jwt/access-token";
import { jwtSettings } from "@/lib/auth/jwt/config";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";

// The XSS demo's token: handed to page script on purpose, so the lab can show what many SPAs do
// (keep it in localStorage) and what an injected script then takes. It keeps the lesson and none
// of the risk: its audience is the demo's own endpoint (/api/lab/spa-demo), which no other API
// accepts, and only the HttpOnly cookie can ask for one, so a stolen demo token can't mint the next.

const DEMO_TTL_SECONDS = 60;

async function demoToken(request: Request) {
  if (request.headers.has("authorization"))
    return jsonError(
      400,
      "bad_request",
      "The demo token comes for the cookie only, never for a token.",
    );
  const jwt = await getCurrentJwt();
  if (!jwt.ok) return jsonError(401, "unauthorized", "Sign in with the jwt strategy first.");
  const { token } = await issueAccessToken(
    {
      userId: jwt.user.id,
      familyId: jwt.claims.fam,
      epoch: jwt.claims.ver,
      authTime: new Date(jwt.claims.auth_time * 1000),
    },
    Math.min(DEMO_TTL_SECONDS, jwt.claims.exp - Math.floor(Date.now() / 1000)),
    jwtSettings().demoAudience,
  );
  return json({
    access_token: token,
    token_type: "Bearer",
    expires_in: DEMO_TTL_SECONDS,
    audience: jwtSettings().demoAudience,
  });
}

// Asked for with the cookie only (a Bearer header is refused below): the strict Origin rule.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  methods: { POST: demoToken },
});
