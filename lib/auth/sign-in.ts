import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { emailSchema, passwordShapeSchema, verifyPassword } from "./credentials";
import { recordEvent } from "./events";
import type { StrategyId } from "./names";
import { type LoginThrottle, loginThrottle } from "./rate-limit";

// The credential check behind both local strategies. Every failure looks the same from the
// outside (one message, one status, the same argon2 work), so it never tells whether an
// account exists.

export type SignedInUser = { id: string; email: string; name: string | null; tokenVersion: number };

export type CredentialResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export const INVALID_CREDENTIALS_MESSAGE = "That email and password don't match an account.";

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${minutes} minutes`;
  return `Too many failed attempts. Try again in ${wait}.`;
}

export async function checkCredentials(
  input: { email: unknown; password: unknown },
  strategy: Extract<StrategyId, "session" | "jwt">,
  context: RequestContext,
  throttle: LoginThrottle = loginThrottle,
  /** This browser's device cookie, when it was made for this account (lib/auth/device.ts). */
  device: string | null = null,
): Promise<CredentialResult> {
  const email = emailSchema.safeParse(input.email);
  const password = passwordShapeSchema.safeParse(input.password);
  const keys = {
    email: email.success ? email.data : String(input.email ?? "").slice(0, 254),
    ip: context.ip,
    device,
  };

  const verdict = await throttle.attempt(keys);
  if (verdict.blocked) {
    // Logged on the person's own timeline too, so they can see someone is trying.
    const target = email.success
      ? await getDb().user.findUnique({ where: { email: email.data }, select: { id: true } })
      : null;
    await recordEvent({
      type: "login.throttled",
      strategy,
      userId: target?.id ?? null,
      context,
      detail: { scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds },
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const user = email.success
    ? await getDb().user.findUnique({
        where: { email: email.data },
        select: { id: true, email: true, name: true, tokenVersion: true, passwordHash: true },
      })
    : null;
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

  await throttle.recordSuccess(keys);
  await recordEvent({ type: "login.success", strategy, userId: user.id, context });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, tokenVersion: user.tokenVersion },
  };
}

/**
 * A signed-in person types their password again (a fresh proof, before linking a provider):
 * throttled like a sign-in, so a stolen session can't be used to guess it.
 */
export async function confirmPassword(
  user: { id: string; email: string },
  password: string,
  context: RequestContext,
  throttle: LoginThrottle = loginThrottle,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const keys = { email: user.email, ip: context.ip };
  const verdict = await throttle.attempt(keys);
  if (verdict.blocked) return { ok: false, message: throttledMessage(verdict.retryAfterSeconds) };
  const row = await getDb().user.findUnique({
    where: { id: user.id },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(row?.passwordHash ?? null, password)))
    return { ok: false, message: "That is not your password." };
  await throttle.recordSuccess(keys);
  return { ok: true };
}
