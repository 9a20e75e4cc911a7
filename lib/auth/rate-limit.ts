import "server-only";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { jsonError } from "@/lib/http/json";
import { HttpError } from "@/lib/http/route-errors";
import { buckets, type Rule } from "@/lib/store/buckets";
import type { Statement } from "@/lib/write-together";

// Throttling, shared by every instance (the buckets live in Redis when configured, else in the
// database: lib/store/buckets.ts). An attempt is counted before its password is checked, in one
// atomic step for all its buckets (a burst of parallel guesses can't slip through together); a
// refused attempt counts nothing; a success gives its share back.
//
// Nobody locks the owner out:
// - a browser that signed in to the account before (a trusted device, lib/auth/device.ts) is
//   counted only against its own allowance, not the account or address an attacker hammers;
// - a person who is signed in and types the password again (a password change, a re-proof) is
//   counted against the proof their credential came from, never against the account: an attacker
//   with a stolen cookie guesses slowly on that proof alone and can't block anyone else;
// - the account's own bucket refills steadily once spent (one attempt every two minutes): a
//   flood slows the account down, it never shuts it for an hour.
// Every attempt counts against some address bucket; one with no usable address shares "unknown".

export type ThrottleScope = "accountIp" | "account" | "ip" | "device" | "proof";
export type Rate = { limit: number; periodSeconds: number };
export type ThrottleRates = Record<ThrottleScope, Rate>;
export type ThrottleKeys = {
  email: string;
  ip: string | null;
  /** A trusted device of this account: its attempts are counted apart. */
  device?: string | null;
  /** An authenticated re-proof: the proof the credential in use came from (see proofKey). */
  proof?: string | null;
};
export type ThrottleVerdict =
  | { blocked: false }
  | { blocked: true; scope: ThrottleScope | "person" | "all"; retryAfterSeconds: number };

export const DEFAULT_RATES: ThrottleRates = {
  // Guessing one account from one place: stopped quickly, and a success clears it.
  accountIp: { limit: 5, periodSeconds: 15 * 60 },
  // Guessing one account from many places: slower, and never a lock (one try every 2 minutes).
  account: { limit: 30, periodSeconds: 60 * 60 },
  // One place trying many accounts (credential stuffing).
  ip: { limit: 100, periodSeconds: 15 * 60 },
  // The owner's own browser: mistyped passwords only.
  device: { limit: 10, periodSeconds: 15 * 60 },
  // A signed-in person confirming the password (and whoever holds a copy of their cookie): a thief
  // with a stolen cookie gets a handful of guesses an hour on it, the owner a fresh allowance at
  // every sign-in.
  proof: { limit: 5, periodSeconds: 60 * 60 },
};

export const UNKNOWN_ADDRESS = "unknown";

/**
 * The bucket an address counts in: an IPv4 address itself, an IPv6 address its /64 (one
 * customer's network: anyone holding one has 2^64 addresses to rotate through), a missing one the
 * shared "unknown".
 */
export function addressBucket(ip: string | null): string {
  if (!ip) return UNKNOWN_ADDRESS;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The bucket of an authenticated re-proof: the person and the moment of the proof in use. */
export const proofKey = (userId: string, authTime: Date) => `${userId}@${authTime.getTime()}`;

export function createLoginThrottle(rates: ThrottleRates = DEFAULT_RATES, prefix = "login") {
  const rule = (scope: ThrottleScope, id: string): Rule => ({
    key: `${prefix}:${scope}:${id}`,
    ...rates[scope],
  });
  const rulesFor = ({ email, ip, device, proof }: ThrottleKeys) =>
    proof
      ? [rule("proof", proof)]
      : device
        ? [rule("device", device)]
        : [
            rule("accountIp", `${email}|${addressBucket(ip)}`),
            rule("account", email),
            rule("ip", addressBucket(ip)),
          ];
  const scopeOf = (key: string) => key.slice(prefix.length + 1).split(":")[0] as ThrottleScope;

  return {
    /**
     * Counts this attempt in every bucket it belongs to, or in none when one of them is spent.
     * Call it before checking a password, and recordSuccess after a success.
     */
    async attempt(keys: ThrottleKeys): Promise<ThrottleVerdict> {
      const result = await buckets().hit(rulesFor(keys));
      return result.allowed
        ? { blocked: false }
        : {
            blocked: true,
            scope: scopeOf(result.blockedKey),
            retryAfterSeconds: result.retryAfterSeconds,
          };
    },

    /**
     * A success ends the run of failures of this account from this place (or of this device, or
     * of this proof), and gives back the share its attempt took from the wider buckets. With
     * `alongside`, a database throttle adds its statement there for the caller's writeTogether.
     */
    async recordSuccess(keys: ThrottleKeys, alongside?: Statement[]): Promise<void> {
      await buckets().refund(
        rulesFor(keys).map((bucket) => {
          const scope = scopeOf(bucket.key);
          return { rule: bucket, clear: scope !== "account" && scope !== "ip" };
        }),
        alongside,
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
 * A budget for expensive work (new accounts, throwaway people, experiments): per client address,
 * per person when someone is signed in, and for the whole site, each counted before the work.
 * A request whose address is unknown shares one bucket with every other such request.
 */
export function createBudget(
  name: string,
  rates: () => { perIp: Rate; perPerson?: Rate; overall: Rate },
) {
  return {
    async spend(who: { ip: string | null; person?: string | null }): Promise<ThrottleVerdict> {
      const { perIp, perPerson, overall } = rates();
      const rules: Rule[] = [
        { key: `${name}:ip:${addressBucket(who.ip)}`, ...perIp },
        { key: `${name}:all`, ...overall },
        ...(perPerson && who.person ? [{ key: `${name}:person:${who.person}`, ...perPerson }] : []),
      ];
      const result = await buckets().hit(rules);
      if (result.allowed) return { blocked: false };
      const scope = result.blockedKey.endsWith(":all")
        ? "all"
        : result.blockedKey.includes(":person:")
          ? "person"
          : "ip";
      return { blocked: true, scope, retryAfterSeconds: result.retryAfterSeconds };
    },
  };
}

export type Budget = ReturnType<typeof createBudget>;

/** 429 for an address over its limit: what was refused, and when to come back. */
export function tooMany(what: string, retryAfterSeconds: number): Response {
  return jsonError(
    429,
    "too_many_requests",
    `Too many ${what} from here. Try again in ${waitText(retryAfterSeconds)}.`,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** Work refused because its budget is spent: route handlers answer 429 with Retry-After. */
export class OverBudgetError extends HttpError {
  constructor(
    readonly what: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many ${what}. Try again in ${waitText(retryAfterSeconds)}.`);
  }

  override toResponse(): Response {
    return tooMany(this.what, this.retryAfterSeconds);
  }
}

/** Spends from `budget` or throws OverBudgetError. */
export async function spendOrThrow(
  budget: Budget,
  what: string,
  who: { ip: string | null; person?: string | null },
): Promise<void> {
  const verdict = await budget.spend(who);
  if (verdict.blocked) throw new OverBudgetError(what, verdict.retryAfterSeconds);
}

const HOUR = 60 * 60;
const perHour = (limit: number): Rate => ({ limit, periodSeconds: HOUR });

/** New accounts (each costs an argon2id hash), demo people included. */
export const registrationBudget = createBudget("register", () => ({
  perIp: perHour(getEnv().REGISTRATION_LIMIT_PER_IP),
  overall: perHour(getEnv().REGISTRATION_LIMIT_PER_HOUR),
}));

/** Standalone experiments and the lab's costly ones: each makes (and removes) throwaway people or keys. */
export const costlyRunBudget = createBudget("costly-run", () => ({
  perIp: perHour(getEnv().COSTLY_RUN_LIMIT_PER_IP),
  perPerson: perHour(getEnv().COSTLY_RUN_LIMIT_PER_IP),
  overall: perHour(getEnv().COSTLY_RUN_LIMIT_PER_HOUR),
}));

/** The lab's experiments: each sends several requests to the app itself. */
export const experimentBudget = createBudget("experiment", () => ({
  perIp: { limit: getEnv().EXPERIMENT_LIMIT_PER_IP, periodSeconds: 10 * 60 },
  perPerson: { limit: getEnv().EXPERIMENT_LIMIT_PER_IP, periodSeconds: 10 * 60 },
  overall: perHour(getEnv().COSTLY_RUN_LIMIT_PER_HOUR * 5),
}));

/** The lab's cost probe: a few dozen guard calls per run. */
export const costProbeBudget = createBudget("cost-probe", () => ({
  perIp: perHour(60),
  perPerson: perHour(60),
  overall: perHour(5000),
}));

/** The step log of a provider sign-in (lib/auth/oauth/flow-log.ts): a row per start. */
export const flowLogBudget = createBudget("flow-log", () => ({
  perIp: perHour(60),
  overall: perHour(5000),
}));

/** Passkey ceremonies started (lib/auth/passkey/http.ts): a stored challenge per start. */
export const passkeyCeremonyBudget = createBudget("passkey-ceremony", () => ({
  perIp: perHour(120),
  overall: perHour(20_000),
}));
