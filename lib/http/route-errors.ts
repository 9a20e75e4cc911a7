import "server-only";
import { refusal } from "@/lib/refusal";
import { isStoreUnavailable, unavailableMessage } from "@/lib/store/errors";
import { jsonError } from "./json";

// What route() answers when a handler throws: an error that knows its HTTP answer gives it, a
// store that can't be reached is a 503 that says so, and anything else is a logged 500. lib/http
// knows none of the app's errors: the modules that throw them (rate limits, in-flight caps)
// extend HttpError.

/** What a route says about itself, for errors whose answer depends on the route. */
export type RouteWords = {
  /** Why work was refused for being busy (503), e.g. "Several proofs are running already." */
  busy?: string;
};

/** An error with an answer of its own: route() responds with toResponse() instead of a 500. */
export abstract class HttpError extends Error {
  abstract toResponse(route: RouteWords): Response;
}

/** 503 for work refused because enough of it is running already (lib/lab/experiments/in-flight.ts). */
export function busy(message: string): Response {
  return jsonError(503, "unavailable", `${message} Try again in a moment.`, { "Retry-After": "2" });
}

/**
 * The last line of defence: a deployment that can't serve (lib/refusal.ts) and a store that can't
 * be reached are 503s that say so; anything else is logged server-side (the message only) and
 * answered without a stack trace.
 */
export function internalError(error: unknown): Response {
  const refused = refusal();
  if (refused) return jsonError(503, "unavailable", refused, { "Retry-After": "60" });
  if (isStoreUnavailable(error))
    return jsonError(503, "unavailable", unavailableMessage(error.store), { "Retry-After": "5" });
  console.error("route handler failed:", error instanceof Error ? error.message : "unknown error");
  return jsonError(500, "internal", "Something went wrong on our side. Nothing was changed.");
}

export const errorResponse = (error: unknown, route: RouteWords): Response =>
  error instanceof HttpError ? error.toResponse(route) : internalError(error);
