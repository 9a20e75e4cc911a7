import "server-only";
import { BoundedMap } from "@/lib/bounded-map";
import type { User } from "@/lib/auth/user";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { emailSchema, passwordShapeSchema, verifyPassword } from "./credentials";
import { readOne } from "@/lib/sqlite-reads";
import { type Statement, writeTogether } from "@/lib/write-together";
import { deviceId, touchDevice } from "./device";
import { eventStatement, recordEvent } from "./events";
import type { StrategyId } from "./names";
import { type Provenance, provenNow } from "./proof";
import { type LoginThrottle, loginThrottle, proofKey, waitText } from "./rate-limit";

// The credential check behind both local strategies. Every failure looks the same from the
// outside (one message, one status, the same argon2 work), so it never tells whether an
// account exists.
//
// The person, their credential epoch and this browser's device are read in one query *before*
// the password is checked: whatever the sign-in then makes carries that epoch, so a password
// change that commits while the hash is being verified has already ended it (lib/auth/proof.ts).

export type SignedInUser = User & {
  epoch: number;
  /** The proof just made: the epoch read before it, now, "password". */
  provenance: Provenance;
};

export type CredentialResult =
  | {
      ok: true;
      user: SignedInUser;
      /** This browser's trusted device of this person (its id), or null: remember a new one. */
      trustedDevice: string | null;
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export const INVALID_CREDENTIALS_MESSAGE = "That email and password don't match an account.";

export function throttledMessage(retryAfterSeconds: number): string {
  return `Too many failed attempts. Try again in ${waitText(retryAfterSeconds)}.`;
}

// A flood of refused attempts must cost O(1) writes: the person's timeline notes a throttled
// account at most once a minute per instance (the refused attempt itself writes nothing).
const THROTTLE_LOG_EVERY_MS = 60_000;
const lastThrottleLog = new BoundedMap<string, number>(10_000);

function shouldLogThrottle(key: string, now = Date.now()): boolean {
  const last = lastThrottleLog.get(key);
  if (last !== undefined && now - last < THROTTLE_LOG_EVERY_MS) return false;
  lastThrottleLog.set(key, now);
  return true;
}

// The person and this browser's device row (only if it is theirs) in one query: one round trip on
// a network database, where Prisma's findUnique with the relation sent two.
const PERSON_SQL = `
  SELECT u."id", u."email", u."name", u."epoch", u."passwordHash",
         d."id" AS "deviceId", d."epoch" AS "deviceEpoch"
  FROM "User" u LEFT JOIN "TrustedDevice" d ON d."userId" = u."id" AND d."id" = ?
  WHERE u."email" = ?`;

type Person = User & {
  epoch: number;
  passwordHash: string | null;
  /** This browser's device row of this person, with the epoch it was made under. */
  device: { id: string; epoch: number } | null;
};

function readPerson(email: string, deviceToken: string | null): Promise<Person | undefined> {
  return readOne(
    PERSON_SQL,
    [deviceToken ? deviceId(deviceToken) : null, email],
    { column: "email", value: email },
    (row) => ({
      id: row.id as string,
      email: row.email as string,
      name: (row.name as string | null) ?? null,
      epoch: Number(row.epoch),
      passwordHash: (row.passwordHash as string | null) ?? null,
      device:
        row.deviceId === null || row.deviceId === undefined
          ? null
          : { id: row.deviceId as string, epoch: Number(row.deviceEpoch) },
    }),
  );
}

export async function checkCredentials(
  input: { email: unknown; password: unknown },
  strategy: Extract<StrategyId, "session" | "jwt">,
  context: RequestContext,
  throttle: LoginThrottle = loginThrottle,
  /** This browser's device token (lib/auth/device.ts), if it sent one. */
  deviceToken: string | null = null,
): Promise<CredentialResult> {
  const email = emailSchema.safeParse(input.email);
  const password = passwordShapeSchema.safeParse(input.password);
  const user = (email.success ? await readPerson(email.data, deviceToken) : null) ?? null;
  // Trusted only if made for this person under their current epoch: a password change voids it.
  const device = user?.device && user.device.epoch === user.epoch ? user.device.id : null;
  const keys = {
    email: email.success ? email.data : String(input.email ?? "").slice(0, 254),
    ip: context.ip,
    device,
  };

  const verdict = await throttle.attempt(keys);
  if (verdict.blocked) {
    // Logged on the person's own timeline too, so they can see someone is trying.
    if (shouldLogThrottle(user?.id ?? `ip:${context.ip}`))
      await recordEvent({
        type: "login.throttled",
        strategy,
        userId: user?.id ?? null,
        context,
        detail: { scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds },
      });
    return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  // Malformed input still pays for one verification, like an unknown email does.
  const valid = await verifyPassword(
    user?.passwordHash ?? null,
    password.success ? password.data : "",
  );

  if (!user || !valid || !password.success) {
    await recordEvent({
      type: "login.failure",
      strategy,
      userId: user?.id ?? null,
      context,
      detail: { reason: "invalid_credentials" },
    });
    return { ok: false, reason: "invalid" };
  }

  // One write, all or nothing: the throttle's share given back (when the buckets are in the
  // database), the log line, this trusted device touched.
  const writes: Statement[] = [];
  await throttle.recordSuccess(keys, writes);
  writes.push(eventStatement({ type: "login.success", strategy, userId: user.id, context }));
  if (device) writes.push(touchDevice(device, user.id));
  await writeTogether(writes);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      epoch: user.epoch,
      provenance: provenNow(user.epoch, "password"),
    },
    trustedDevice: device,
  };
}

/**
 * A signed-in person types their password again (a re-proof, a password change). Throttled on
 * the proof their credential came from, never on the account: a stolen cookie guesses slowly on
 * its own bucket, and nobody can lock the owner out of their own confirmation.
 */
export async function confirmPassword(
  user: { id: string },
  proof: { authTime: Date },
  password: string,
  context: RequestContext,
  throttle: LoginThrottle = loginThrottle,
): Promise<{ ok: true; provenance: Provenance } | { ok: false; message: string }> {
  const keys = { email: user.id, ip: context.ip, proof: proofKey(user.id, proof.authTime) };
  const verdict = await throttle.attempt(keys);
  if (verdict.blocked)
    return {
      ok: false,
      message: `Too many wrong passwords. Try again in ${waitText(verdict.retryAfterSeconds)}.`,
    };
  const row = await getDb().user.findUnique({
    where: { id: user.id },
    select: { passwordHash: true, epoch: true },
  });
  if (!row || !(await verifyPassword(row.passwordHash, password)))
    return { ok: false, message: "That is not your password." };
  await throttle.recordSuccess(keys);
  return { ok: true, provenance: provenNow(row.epoch, "password") };
}
