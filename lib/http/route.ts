import "server-only";
import type { StrategyId } from "@/lib/auth/names";
import type { Provenance } from "@/lib/auth/proof";
import { bearerToken } from "./bearer";
import { type ErrorCode, jsonError } from "./json";
import { checkOrigin, isSafeMethod } from "./origin";
import { instanceId } from "@/lib/instance";
import { waitText } from "@/lib/auth/rate-limit";
import { isStoreUnavailable, unavailableMessage } from "@/lib/store/errors";
import { ServerTiming } from "./server-timing";

// What every authenticated route handler does, whatever the strategy: refuse cross-site unsafe
// requests, ask the strategy's guard, answer 401 with the standard shape, and say which strategy
// authenticated the request and what its guard cost (Server-Timing).

/**
 * A person as a guard knows them: a stateless JWT check knows only the id. A guard that read the
 * credential's row says which proof it came from (an exchange copies it, never makes it newer).
 */
export type AuthedUser = {
  id: string;
  email?: string;
  name?: string | null;
  provenance?: Provenance;
  /** When the credential ends whatever happens (its absolute lifetime), where the guard knows. */
  endsAt?: Date;
};
export type AuthFailure = {
  status: 400 | 401;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
};
export type Authenticator = (
  request: Request,
  timing: ServerTiming,
) => Promise<AuthedUser | AuthFailure | null>;
export type AuthedHandler<Ctx> = (
  request: Request,
  auth: {
    /** Who: the person's id, and their email and name where the guard read them. */
    user: Omit<AuthedUser, "provenance">;
    /** The proof the credential came from, where the guard read its row. */
    provenance?: Provenance;
    /** When the credential ends whatever happens, where the guard knows. */
    endsAt?: Date;
    timing: ServerTiming;
  },
  ctx: Ctx,
) => Promise<Response>;

const isFailure = (result: AuthedUser | AuthFailure): result is AuthFailure => "status" in result;

/**
 * Cookies ride along with cross-site requests; an Authorization header never does (a page on
 * another site can't set one without a CORS preflight, which this app never grants). So the
 * Origin check applies to every unsafe request, except where a Bearer token is what
 * authenticates it (the JWT strategy's routes): anywhere else a Bearer header changes nothing.
 */
export function isCrossSiteForgery(request: Request, bearerAuthenticates = false): boolean {
  return (
    !isSafeMethod(request.method) &&
    checkOrigin(request) === "cross-site" &&
    !(bearerAuthenticates && bearerToken(request.headers))
  );
}

export function authedRoute<Ctx>(
  strategy: StrategyId,
  authenticate: Authenticator,
  handler: AuthedHandler<Ctx>,
) {
  return strategyRoute<Ctx>(strategy, async (request, ctx, timing) => {
    if (isCrossSiteForgery(request, strategy === "jwt"))
      return jsonError(403, "forbidden", "Cross-site requests are not allowed here.");
    const result = await authenticate(request, timing);
    if (!result)
      return jsonError(401, "unauthorized", `Sign in with the ${strategy} strategy first.`);
    if (isFailure(result))
      return jsonError(result.status, result.code, result.message, result.headers);
    const { provenance, endsAt, ...user } = result;
    return handler(request, { user, provenance, endsAt, timing }, ctx);
  });
}

/**
 * Any route handler that belongs to a strategy: never a stack trace, always says which strategy
 * answered, and reports what its guard measured.
 */
export function strategyRoute<Ctx = unknown>(
  strategy: StrategyId,
  handler: (request: Request, ctx: Ctx, timing: ServerTiming) => Promise<Response>,
) {
  return async (request: Request, ctx: Ctx): Promise<Response> => {
    const timing = new ServerTiming();
    const response = await handler(request, ctx, timing).catch(internalError);
    response.headers.set("X-Auth-Strategy", strategy);
    response.headers.set("X-Instance", instanceId());
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

/**
 * The last line of defence: a store that can't be reached is a 503 that says so; anything else is
 * logged server-side (the message only) and answered without a stack trace.
 */
/** 429 for an address over its limit: what was refused, and when to come back. */
export function tooMany(what: string, retryAfterSeconds: number): Response {
  return jsonError(
    429,
    "too_many_requests",
    `Too many ${what} from here. Try again in ${waitText(retryAfterSeconds)}.`,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** 503 for work refused because enough of it is running already (lib/lab/proofs/in-flight.ts). */
export function busy(message: string): Response {
  return jsonError(503, "unavailable", `${message} Try again in a moment.`, { "Retry-After": "2" });
}

export function internalError(error: unknown): Response {
  if (isStoreUnavailable(error))
    return jsonError(503, "unavailable", unavailableMessage(error.store), { "Retry-After": "5" });
  console.error("route handler failed:", error instanceof Error ? error.message : "unknown error");
  return jsonError(500, "internal", "Something went wrong on our side. Nothing was changed.");
}
