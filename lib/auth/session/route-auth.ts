import "server-only";
import type { Authenticator } from "@/lib/auth/http/authenticator";
import { authenticateSession } from "./guard";

const TIMED_OUT = {
  idle: "Your session ended after a while without activity. Sign in again.",
  absolute: "Your session reached its maximum lifetime. Sign in again.",
} as const;

/** The session strategy's guard, in the shape route handlers take. A client may learn why its own session ended. */
export const authenticateSessionRequest: Authenticator = async (request, timing) => {
  const result = await authenticateSession(timing, { request });
  if (result.user) {
    const { epoch, authTime, authMethod, absoluteExpiresAt } = result.session;
    return {
      ...result.user,
      provenance: { epoch, authTime, method: authMethod },
      endsAt: absoluteExpiresAt,
    };
  }
  if (result.expired)
    return { status: 401, code: "session_expired", message: TIMED_OUT[result.expired] };
  if (result.tampered)
    return {
      status: 401,
      code: "invalid_token",
      message:
        "The session cookie's seal doesn't verify: it was altered, or sealed with a key this server doesn't hold.",
    };
  return null;
};
