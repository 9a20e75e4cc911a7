import { z } from "zod";
import { startSession } from "@/lib/auth/session/lifecycle";
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

// JSON sign-in for the session strategy (the page uses a server action; this is the same check
// for scripts and tests). Success sets the sealed session cookie.

const credentials = z
  .object({ email: z.string().max(1024), password: z.string().max(4096) })
  .strict();

export const POST = strategyRoute("session", async (request) => {
  // Login CSRF: a foreign site must not sign a visitor in to the attacker's account.
  if (checkOrigin(request) === "cross-site") {
    return jsonError(403, "forbidden", "Cross-site sign-in is not allowed.");
  }
  const body = await readJsonBody(request, credentials);
  if (!body.ok) return body.response;

  const context = contextFrom(request.headers);
  const result = await checkCredentials(body.data, "session", context);
  if (!result.ok) {
    return result.reason === "throttled"
      ? jsonError(429, "too_many_requests", throttledMessage(result.retryAfterSeconds), {
          "Retry-After": String(result.retryAfterSeconds),
        })
      : jsonError(401, "unauthorized", INVALID_CREDENTIALS_MESSAGE);
  }
  const session = await startSession(result.user.id, context);
  const { id, email, name } = result.user;
  return json({
    strategy: "session",
    user: { id, email, name },
    expiresAt: session.absoluteExpiresAt.toISOString(),
  });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
