import "server-only";
import { busy, HttpError, type RouteWords } from "@/lib/http/route-errors";

// Standalone runs and the lab's costly experiments do real work (argon2id hashes, sign-ins over
// HTTP, writes): at most this many run at once in a process. The rest are told to come back,
// rather than queue behind each other and slow everyone's sign-ins.

/** Answered 503 with Retry-After, in the words of the route that refused (its `busy`). */
export class TooManyRunningError extends HttpError {
  constructor() {
    super("Too many experiments are running right now.");
  }

  override toResponse(route: RouteWords): Response {
    return busy(route.busy ?? this.message);
  }
}

/** At most `max` of the work it is given at once, per process; beyond that, TooManyRunningError. */
export function inFlightCap(max: number) {
  let running = 0;
  return async function <T>(work: () => Promise<T>): Promise<T> {
    if (running >= max) throw new TooManyRunningError();
    running++;
    try {
      return await work();
    } finally {
      running--;
    }
  };
}

export const oneOfFew = inFlightCap(4);
