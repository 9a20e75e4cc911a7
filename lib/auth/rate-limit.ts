import "server-only";
import { getEnv } from "@/lib/env";
import { counterStore } from "@/lib/store/counters";

// Throttling, shared by every instance (the counters live in the shared store: the database, or
// Redis when configured). An attempt is counted before its password is checked (an atomic
// increment, so a burst of parallel guesses can't slip through together), given back when it
// succeeds, and given back when it is refused: a refused attempt never counts, so an attacker who
// keeps going doesn't keep a window open. Every window ends on its own.
//
// The owner is never locked out: a browser that has signed in to the account before carries a
// device cookie (lib/auth/device.ts), and its attempts count only against that device's own
// allowance, not against the account or the address an attacker is hammering (OWASP's "device
// cookies"). Every attempt counts against some address bucket; one with no usable address shares
// the "unknown" bucket.

export type ThrottleScope = "accountIp" | "account" | "ip" | "device";
export type ThrottleLimits = Record<ThrottleScope, { points: number; duration: number }>;
export type ThrottleKeys = {
  email: string;
  ip: string | null;
  /** A device cookie proven to belong to this account: its attempts are counted apart. */
  device?: string | null;
};
export type ThrottleVerdict =
  { blocked: false } | { blocked: true; scope: ThrottleScope; retryAfterSeconds: number };

export const DEFAULT_LIMITS: ThrottleLimits = {
  // Guessing one account from one place: stopped quickly, and a success clears it.
  accountIp: { points: 5, duration: 15 * 60 },
  // Guessing one account from many places: slower, so one attacker can't cheaply slow the owner.
  account: { points: 30, duration: 60 * 60 },
  // One place trying many accounts (credential stuffing).
  ip: { points: 100, duration: 15 * 60 },
  // The owner's own browser: mistyped passwords only.
  device: { points: 10, duration: 15 * 60 },
};

export const UNKNOWN_ADDRESS = "unknown";

type Counted = { scope: ThrottleScope; key: string };

export function createLoginThrottle(limits: ThrottleLimits = DEFAULT_LIMITS, prefix = "login") {
  const counter = (scope: ThrottleScope) =>
    counterStore().limiter(`${prefix}:${scope}`, limits[scope]);

  const keysFor = ({ email, ip, device }: ThrottleKeys): Counted[] =>
    device
      ? [{ scope: "device", key: device }]
      : [
          { scope: "accountIp", key: `${email}|${ip ?? UNKNOWN_ADDRESS}` },
          { scope: "account", key: email },
          { scope: "ip", key: ip ?? UNKNOWN_ADDRESS },
        ];

  const verdictOf = (
    states: { scope: ThrottleScope; consumed: number; msBeforeNext: number }[],
  ) => {
    let verdict: ThrottleVerdict = { blocked: false };
    for (const { scope, consumed, msBeforeNext } of states) {
      if (consumed > limits[scope].points) {
        const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
        if (!verdict.blocked || retryAfterSeconds > verdict.retryAfterSeconds)
          verdict = { blocked: true, scope, retryAfterSeconds };
      }
    }
    return verdict;
  };

  return {
    /** Is this attempt allowed at all? (Counts nothing.) */
    async check(keys: ThrottleKeys): Promise<ThrottleVerdict> {
      const states = await Promise.all(
        keysFor(keys).map(async ({ scope, key }) => {
          const state = await counter(scope).get(key);
          // At the limit is blocked for the next attempt: report as if it had been counted.
          return {
            scope,
            consumed: state ? state.consumed + 1 : 0,
            msBeforeNext: state?.msBeforeNext ?? 0,
          };
        }),
      );
      return verdictOf(states);
    },

    /**
     * Counts this attempt and says whether it is over a limit, in one atomic step per counter.
     * Call it before checking a password; call recordSuccess after a success. A refused attempt
     * is given back at once: it never happened.
     */
    async attempt(keys: ThrottleKeys): Promise<ThrottleVerdict> {
      const counted = keysFor(keys);
      const states = await Promise.all(
        counted.map(async ({ scope, key }) => ({ scope, ...(await counter(scope).add(key, 1)) })),
      );
      const verdict = verdictOf(states);
      if (verdict.blocked)
        await Promise.all(counted.map(({ scope, key }) => counter(scope).add(key, -1)));
      return verdict;
    },

    async recordFailure(keys: ThrottleKeys): Promise<void> {
      await Promise.all(keysFor(keys).map(({ scope, key }) => counter(scope).add(key, 1)));
    },

    /**
     * A success ends the consecutive-failure count for this account from this place (or this
     * device), and gives back the point its attempt took from the wider counters (only while they
     * still run, so a refund never turns into a credit for the next window).
     */
    async recordSuccess(keys: ThrottleKeys): Promise<void> {
      await Promise.all(
        keysFor(keys).map(async ({ scope, key }) => {
          if (scope === "accountIp" || scope === "device") return counter(scope).delete(key);
          const state = await counter(scope).get(key);
          if (state && state.consumed > 0) await counter(scope).add(key, -1);
        }),
      );
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export const loginThrottle = createLoginThrottle();

/** "40 seconds" or "3 minutes". */
export function waitText(retryAfterSeconds: number): string {
  return retryAfterSeconds < 90
    ? `${retryAfterSeconds} seconds`
    : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
}

/**
 * New accounts: per address and for the whole site, each counted before the argon2id hash. A
 * request whose address is unknown shares one bucket with every other such request.
 */
export function createRegistrationThrottle(
  limits: () => { perIp: number; overall: number },
  prefix = "register",
) {
  const HOUR = 60 * 60;
  return {
    async attempt(ip: string | null): Promise<ThrottleVerdict> {
      const { perIp, overall } = limits();
      const mine = counterStore().limiter(`${prefix}:ip`, { points: perIp, duration: HOUR });
      const all = counterStore().limiter(`${prefix}:all`, { points: overall, duration: HOUR });
      const [a, b] = await Promise.all([mine.add(ip ?? UNKNOWN_ADDRESS, 1), all.add("all", 1)]);
      const over = [
        { scope: "ip" as const, state: a, points: perIp },
        { scope: "account" as const, state: b, points: overall },
      ].filter(({ state, points }) => state.consumed > points);
      if (over.length === 0) return { blocked: false };
      await Promise.all([mine.add(ip ?? UNKNOWN_ADDRESS, -1), all.add("all", -1)]);
      const wait = Math.max(...over.map(({ state }) => state.msBeforeNext));
      return {
        blocked: true,
        scope: over[0]!.scope,
        retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
      };
    },
  };
}

export const registrationThrottle = createRegistrationThrottle(() => ({
  perIp: getEnv().REGISTRATION_LIMIT_PER_IP,
  overall: getEnv().REGISTRATION_LIMIT_PER_HOUR,
}));

/** Interview-room proofs: each makes (and removes) throwaway people, so they are counted too. */
export const proofThrottle = createRegistrationThrottle(
  () => ({ perIp: getEnv().PROOF_LIMIT_PER_IP, overall: getEnv().PROOF_LIMIT_PER_HOUR }),
  "proof",
);

/** The lab's cost probe: a few dozen guard calls per run, so counted. */
export const costProbeThrottle = createRegistrationThrottle(
  () => ({ perIp: 60, overall: 5000 }),
  "cost-probe",
);

/** The step log of a provider sign-in (lib/auth/oauth/flow-log.ts): a row per start, so counted. */
export const flowLogThrottle = createRegistrationThrottle(
  () => ({ perIp: 60, overall: 5000 }),
  "flow-log",
);
