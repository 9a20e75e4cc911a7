import { expect } from "@playwright/test";
import { claimsOf } from "./api";
import { RECENT_PROOF_SETTINGS, SHORT_LIVED_SETTINGS } from "./servers";

// Waiting for a credential to die, without sleeping: poll until the server says so, with a
// deadline computed from the lifetime being watched. A failure names that lifetime.

export type Lifetime = {
  /** What is being waited for, e.g. "the idle timeout (SESSION_IDLE_TIMEOUT_SECONDS=3)". */
  name: string;
  /** When it ends, in milliseconds since the epoch (after every tolerance). */
  endsAt: number;
};

/** How long past the end a slow, busy machine may take to show it. */
const GRACE_MS = 10_000;

/**
 * Polls `observe` until it returns `expected`. Fails if it does so before `lifetime.endsAt` when
 * `notBefore` is set, and if it hasn't by `endsAt` plus a grace period.
 */
export async function waitUntilEnded<T>(
  lifetime: Lifetime,
  observe: () => Promise<T>,
  expected: T,
): Promise<void> {
  const timeout = Math.max(0, lifetime.endsAt - Date.now()) + GRACE_MS;
  await expect
    .poll(observe, {
      message: `waited for ${lifetime.name} to end, by ${new Date(lifetime.endsAt).toISOString()} plus ${GRACE_MS / 1000} s`,
      timeout,
      intervals: [250, 500, 1000],
    })
    .toEqual(expected);
}

/**
 * Until a proof made before this call is no longer recent on the recent-proof server. Its age is
 * a clock, not an event: this waits the window out from now plus half a second.
 */
export async function waitUntilProofIsOld(seconds = RECENT_PROOF_SETTINGS.RECENT_PROOF_SECONDS) {
  const until = Date.now() + seconds * 1000 + 500;
  await expect
    .poll(() => Date.now() >= until, { intervals: [100], timeout: seconds * 1000 + GRACE_MS })
    .toBe(true);
}

/**
 * Polls `status` (the short-lived server's answer to `token`) until it is 401: due once the
 * token's exp and the clock tolerance are past.
 */
export async function outliveAccessToken(
  token: string,
  status: () => Promise<number>,
): Promise<void> {
  const { JWT_ACCESS_TTL_SECONDS: ttl, JWT_CLOCK_TOLERANCE_SECONDS: tolerance } =
    SHORT_LIVED_SETTINGS;
  await waitUntilEnded(
    {
      name: `the access token (JWT_ACCESS_TTL_SECONDS=${ttl}, JWT_CLOCK_TOLERANCE_SECONDS=${tolerance})`,
      endsAt: (claimsOf(token).exp + tolerance + 1) * 1000,
    },
    status,
    401,
  );
}
