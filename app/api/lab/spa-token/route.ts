import { issueAccessToken } from "@/lib/auth/jwt/access-token";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { json, jsonError } from "@/lib/http/json";
import { internalError, isCrossSiteForgery, methodNotAllowed } from "@/lib/http/route";

// The XSS demo's one deliberate exception to "no credential reaches the browser": a separate,
// 60-second access token handed to page script, so the lab can show what many SPAs do (keep it
// in localStorage) and what an injected script then takes. Labelled as such on the page.

const DEMO_TTL_SECONDS = 60;

export async function POST(request: Request) {
  try {
    if (isCrossSiteForgery(request))
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const jwt = await getCurrentJwt();
    if (!jwt.ok) return jsonError(401, "unauthorized", "Sign in with the jwt strategy first.");
    const { token } = await issueAccessToken(
      { userId: jwt.user.id, familyId: jwt.claims.fam, tokenVersion: jwt.claims.ver },
      DEMO_TTL_SECONDS,
    );
    return json({ access_token: token, token_type: "Bearer", expires_in: DEMO_TTL_SECONDS });
  } catch (error) {
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
