import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Login throttling shared by the session and JWT strategies. Counters live in the database so
// every server instance sees the same numbers. An attempt is counted before its password is
// checked (an atomic increment, so a burst of parallel guesses can't slip through together) and
// refunded when it succeeds. Every window ends on its own: an attacker can slow a person down for
// at most one window after they stop, never lock them out for good.

export type ThrottleLimits = Record<ThrottleScope, { points: number; duration: number }>;
export type ThrottleScope = "accountIp" | "account" | "ip";
export type ThrottleKeys = { email: string; ip: string | null };
export type ThrottleVerdict =
  { blocked: false } | { blocked: true; scope: ThrottleScope; retryAfterSeconds: number };

export const DEFAULT_LIMITS: ThrottleLimits = {
  // Guessing one account from one place: stopped quickly, and a success clears it.
  accountIp: { points: 5, duration: 15 * 60 },
  // Guessing one account from many places: slower, so one attacker can't lock out the owner cheaply.
  account: { points: 30, duration: 60 * 60 },
  // One place trying many accounts (credential stuffing).
  ip: { points: 100, duration: 15 * 60 },
};

export function createLoginThrottle(limits: ThrottleLimits = DEFAULT_LIMITS, prefix = "login") {
  let limiters: Record<ThrottleScope, RateLimiterPrisma> | undefined;
  const get = () =>
    (limiters ??= {
      accountIp: new RateLimiterPrisma({
        storeClient: getDb(),
        keyPrefix: `${prefix}:acct-ip`,
        ...limits.accountIp,
      }),
      account: new RateLimiterPrisma({
        storeClient: getDb(),
        keyPrefix: `${prefix}:acct`,
        ...limits.account,
      }),
      ip: new RateLimiterPrisma({ storeClient: getDb(), keyPrefix: `${prefix}:ip`, ...limits.ip }),
    });

  const keysFor = ({ email, ip }: ThrottleKeys): [ThrottleScope, string][] => {
    const entries: [ThrottleScope, string][] = [
      ["accountIp", `${email}|${ip ?? "unknown"}`],
      ["account", email],
    ];
    if (ip) entries.push(["ip", ip]);
    return entries;
  };

  return {
    /** Before checking a password: is this attempt allowed at all? */
    async check(keys: ThrottleKeys): Promise<ThrottleVerdict> {
      const all = get();
      let verdict: ThrottleVerdict = { blocked: false };
      for (const [scope, key] of keysFor(keys)) {
        const state = await all[scope].get(key);
        if (state && state.consumedPoints >= limits[scope].points) {
          const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
          if (!verdict.blocked || retryAfterSeconds > verdict.retryAfterSeconds) {
            verdict = { blocked: true, scope, retryAfterSeconds };
          }
        }
      }
      return verdict;
    },

    /**
     * Counts this attempt and says whether it is over a limit, in one step per counter. Call it
     * before checking a password; call recordSuccess after a success to give the point back.
     */
    async attempt(keys: ThrottleKeys): Promise<ThrottleVerdict> {
      const all = get();
      const counted = await Promise.all(
        keysFor(keys).map(async ([scope, key]) => ({
          scope,
          state: await all[scope].penalty(key, 1),
        })),
      );
      let verdict: ThrottleVerdict = { blocked: false };
      for (const { scope, state } of counted) {
        if (state.consumedPoints > limits[scope].points) {
          const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
          if (!verdict.blocked || retryAfterSeconds > verdict.retryAfterSeconds) {
            verdict = { blocked: true, scope, retryAfterSeconds };
          }
        }
      }
      return verdict;
    },

    async recordFailure(keys: ThrottleKeys): Promise<void> {
      const all = get();
      await Promise.all(keysFor(keys).map(([scope, key]) => all[scope].penalty(key, 1)));
    },

    /**
     * A success ends the consecutive-failure count for this account from this place, and gives
     * back the point its attempt took from the wider counters (only while they still run, so a
     * refund never turns into a credit for the next window).
     */
    async recordSuccess(keys: ThrottleKeys): Promise<void> {
      const all = get();
      await Promise.all(
        keysFor(keys).map(async ([scope, key]) => {
          if (scope === "accountIp") return all.accountIp.delete(key);
          const state = await all[scope].get(key);
          if (state && state.consumedPoints > 0) await all[scope].reward(key, 1);
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
  configure: () => {
    perIp: { points: number; duration: number };
    overall: { points: number; duration: number };
  },
) {
  let limiters: { perIp: RateLimiterPrisma; overall: RateLimiterPrisma } | undefined;
  let limits: ReturnType<typeof configure>;
  const get = () =>
    (limiters ??= (limits = configure()) && {
      perIp: new RateLimiterPrisma({
        storeClient: getDb(),
        keyPrefix: "register:ip",
        ...limits.perIp,
      }),
      overall: new RateLimiterPrisma({
        storeClient: getDb(),
        keyPrefix: "register:all",
        ...limits.overall,
      }),
    });
  return {
    async attempt(ip: string | null): Promise<ThrottleVerdict> {
      const { perIp, overall } = get();
      const [mine, all] = await Promise.all([
        perIp.penalty(ip ?? "unknown", 1),
        overall.penalty("all", 1),
      ]);
      const over = [
        { scope: "ip" as const, state: mine, points: limits.perIp.points },
        { scope: "account" as const, state: all, points: limits.overall.points },
      ].filter(({ state, points }) => state.consumedPoints > points);
      if (over.length === 0) return { blocked: false };
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
  perIp: { points: getEnv().REGISTRATION_LIMIT_PER_IP, duration: 60 * 60 },
  overall: { points: getEnv().REGISTRATION_LIMIT_PER_HOUR, duration: 60 * 60 },
}));
