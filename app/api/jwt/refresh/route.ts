import { z } from "zod";
import { clearTokenCookies, readRefreshCookie, setTokenCookies } from "@/lib/auth/jwt/cookies";
import { tokenResponse } from "@/lib/auth/jwt/lifecycle";
import { rotateRefreshToken } from "@/lib/auth/jwt/refresh";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

// Rotation. API clients send {"refresh_token": "…"} and get a new pair in JSON; browsers send
// nothing (the HttpOnly cookie scoped to this path carries the token) and get new cookies.

const refreshBody = z.object({ refresh_token: z.string().min(1).max(512) }).strict();

const MESSAGES = {
  unknown: "This refresh token is not valid.",
  expired: "This refresh token's family has expired. Sign in again.",
  idle: "This refresh token's family went unused for too long. Sign in again.",
  revoked: "This refresh token's family has been revoked. Sign in again.",
  reuse_detected: "Refresh token reuse detected: the whole family is revoked. Sign in again.",
} as const;

/** An API client's request: the refresh token comes in the body, never from the cookie. */
const sendsBody = (request: Request) =>
  Boolean(request.headers.get("content-type")) ||
  Number(request.headers.get("content-length") ?? 0) > 0;

export const { GET, POST, PUT, PATCH, DELETE } = route({
  strategy: "jwt",
  // The cookie is the credential only when there is no body: a refresh token in the body is the
  // request's own, like a Bearer token, and needs no Origin check.
  origin: "bearer-ok",
  ownCredential: sendsBody,
  methods: {
    POST: async (request, { timing }) => {
      const hasBody = sendsBody(request);
      let presented: string | undefined;
      if (hasBody) {
        const body = await readJsonBody(request, refreshBody);
        if (!body.ok) return body.response;
        presented = body.data.refresh_token;
      } else {
        presented = await readRefreshCookie();
      }
      const viaCookie = !hasBody;
      if (!presented) return jsonError(401, "unauthorized", "No refresh token: sign in first.");

      const context = contextFrom(request.headers);
      const result = await timing.measure("rotate", () => rotateRefreshToken(presented, context));
      if (!result.ok) {
        if (result.reason === "superseded") {
          return jsonError(
            409,
            "conflict",
            "This refresh token was just rotated by another request: retry with the newest one.",
          );
        }
        if (viaCookie) await clearTokenCookies();
        return jsonError(401, "invalid_token", MESSAGES[result.reason]);
      }

      const expiresIn = result.claims.exp - result.claims.iat;
      const body = tokenResponse(result.accessToken, result.refreshToken, expiresIn);
      if (!viaCookie) return json(body);
      await setTokenCookies(result.accessToken, result.refreshToken, result.familyExpiresAt);
      const { expires_in, token_type } = body;
      return json({ token_type, expires_in });
    },
  },
});
