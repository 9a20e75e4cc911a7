import { z } from "zod";
import { issueTokenPair, tokenResponse } from "@/lib/auth/jwt/lifecycle";
import {
  checkCredentials,
  INVALID_CREDENTIALS_MESSAGE,
  throttledMessage,
} from "@/lib/auth/sign-in";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { checkOrigin } from "@/lib/http/origin";
import { methodNotAllowed, strategyRoute } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

// The token endpoint for API clients: email and password in, an access/refresh pair out (JSON).
// Browsers sign in through /jwt/login, which puts the pair in HttpOnly cookies instead.

const credentials = z
  .object({ email: z.string().max(1024), password: z.string().max(4096) })
  .strict();

export const POST = strategyRoute("jwt", async (request) => {
  if (checkOrigin(request) === "cross-site") {
    return jsonError(403, "forbidden", "Cross-site sign-in is not allowed.");
  }
  const body = await readJsonBody(request, credentials);
  if (!body.ok) return body.response;

  const context = contextFrom(request.headers);
  const result = await checkCredentials(body.data, "jwt", context);
  if (!result.ok) {
    return result.reason === "throttled"
      ? jsonError(429, "too_many_requests", throttledMessage(result.retryAfterSeconds), {
          "Retry-After": String(result.retryAfterSeconds),
        })
      : jsonError(401, "unauthorized", INVALID_CREDENTIALS_MESSAGE);
  }
  const pair = await issueTokenPair(result.user, context);
  return json(tokenResponse(pair.accessToken, pair.refreshToken));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
