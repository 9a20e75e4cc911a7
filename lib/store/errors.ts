// A store the app depends on (Redis, or the database) can't be reached. Guards fail closed on it,
// and route handlers answer 503 with the standard error shape: a store that is down signs nobody
// in and lets nobody past, but it is never a 500.

export type StoreName = "redis" | "database";

export class StoreUnavailableError extends Error {
  constructor(
    readonly store: StoreName,
    options?: { cause?: unknown },
  ) {
    super(`the ${store} is unavailable`, options);
    this.name = "StoreUnavailableError";
  }
}

export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError =>
  error instanceof StoreUnavailableError;

/** What a person is told, whichever store it is. */
export function unavailableMessage(store: StoreName): string {
  return store === "redis"
    ? "The session store (Redis) can't be reached, so nobody can be signed in through it right now. Nothing was changed; try again in a moment."
    : "The database can't be reached right now. Nothing was changed; try again in a moment.";
}
