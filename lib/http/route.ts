import "server-only";
import type { StrategyId } from "@/lib/auth/events";
import { jsonError } from "./json";
import { checkOrigin, isSafeMethod } from "./origin";
import { ServerTiming } from "./server-timing";

// What every authenticated route handler does, whatever the strategy: refuse cross-site unsafe
// requests, ask the strategy's guard, answer 401 with the standard shape, and say which strategy
// authenticated the request and what its guard cost (Server-Timing).

export type AuthedUser = { id: string; email: string; name: string | null };
export type Authenticator = (request: Request, timing: ServerTiming) => Promise<AuthedUser | null>;
export type AuthedHandler<Ctx> = (
  request: Request,
  auth: { user: AuthedUser; timing: ServerTiming },
  ctx: Ctx,
) => Promise<Response>;

export function authedRoute<Ctx>(
  strategy: StrategyId,
  authenticate: Authenticator,
  handler: AuthedHandler<Ctx>,
) {
  return async (request: Request, ctx: Ctx): Promise<Response> => {
    const timing = new ServerTiming();
    const response = await (async () => {
      if (!isSafeMethod(request.method) && checkOrigin(request) === "cross-site") {
        return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
      }
      const user = await authenticate(request, timing);
      if (!user)
        return jsonError(401, "unauthorized", `Sign in with the ${strategy} strategy first.`);
      return handler(request, { user, timing }, ctx);
    })().catch(internalError);
    response.headers.set("X-Auth-Strategy", strategy);
    if (timing.steps.length > 0) response.headers.set("Server-Timing", timing.header());
    return response;
  };
}

/** For methods a route does not support: 405 with Allow, in the standard shape. */
export function methodNotAllowed(allowed: readonly string[]) {
  return async () =>
    jsonError(405, "method_not_allowed", `Use ${allowed.join(" or ")}.`, {
      Allow: allowed.join(", "),
    });
}

/** The last line of defence: log the failure server-side, never send a stack trace. */
export function internalError(error: unknown): Response {
  console.error("route handler failed:", error instanceof Error ? error.message : "unknown error");
  return jsonError(500, "internal", "Something went wrong on our side. Nothing was changed.");
}
