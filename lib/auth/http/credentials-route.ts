import "server-only";
import { z } from "zod";
import type { StrategyId } from "@/lib/auth/names";
import {
  checkCredentials,
  INVALID_CREDENTIALS_MESSAGE,
  throttledMessage,
  type SignedInUser,
} from "@/lib/auth/sign-in";
import { readDeviceToken, rememberDevice } from "@/lib/auth/device";
import { readJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { contextFrom, type RequestContext } from "@/lib/request-context";

// A JSON sign-in endpoint for a local strategy: email and password in, the shared credential
// check and throttle, then whatever the strategy hands out (a cookie, a token pair).

const credentials = z
  .object({ email: z.string().max(1024), password: z.string().max(4096) })
  .strict();

export function credentialsRoute({
  strategy,
  origin,
  onSuccess,
  browser = true,
}: {
  strategy: Extract<StrategyId, "session" | "jwt">;
  /**
   * Login CSRF: a foreign site must not sign a visitor in to the attacker's account, whatever
   * the request carries (a sign-in has no credential yet), so always "strict".
   */
  origin: "strict";
  onSuccess: (user: SignedInUser, context: RequestContext) => Promise<Response>;
  /** A browser sign-in remembers the device (lib/auth/device.ts); an API client keeps no cookies. */
  browser?: boolean;
}) {
  return route({
    strategy,
    origin,
    crossSite: "Cross-site sign-in is not allowed.",
    methods: {
      POST: async (request) => {
        const body = await readJsonBody(request, credentials);
        if (!body.ok) return body.response;

        const context = contextFrom(request.headers);
        const device = browser ? await readDeviceToken() : null;
        const result = await checkCredentials(body.data, strategy, context, undefined, device);
        if (result.ok) {
          if (browser) await rememberDevice(result.user, result.trustedDevice, context);
          return onSuccess(result.user, context);
        }
        return result.reason === "throttled"
          ? jsonError(429, "too_many_requests", throttledMessage(result.retryAfterSeconds), {
              "Retry-After": String(result.retryAfterSeconds),
            })
          : jsonError(401, "unauthorized", INVALID_CREDENTIALS_MESSAGE);
      },
    },
  });
}
