import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { checkNewPassword, hashPassword, passwordShapeSchema, verifyPassword } from "./credentials";
import { recordEvent } from "./events";
import type { StrategyId } from "./names";
import { revokeAllFamilies } from "./jwt/refresh";
import { loginThrottle } from "./rate-limit";
import { throttledMessage } from "./sign-in";

// Changing a password needs the current one, and bumps tokenVersion so every strategy can end
// what was issued before (sessions here; JWTs carry the version and die with it).

export type PasswordChangeField = "currentPassword" | "newPassword";
export type PasswordChangeResult =
  { ok: true } | { ok: false; fieldErrors: Partial<Record<PasswordChangeField, string[]>> };

export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  strategy: StrategyId,
  context: RequestContext,
): Promise<PasswordChangeResult> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    return {
      ok: false,
      fieldErrors: {
        currentPassword: ["This account signs in through a provider and has no password."],
      },
    };
  }
  // Guessing the current password from a stolen session is throttled like signing in.
  const keys = { email: user.email, ip: context.ip };
  const verdict = await loginThrottle.attempt(keys);
  if (verdict.blocked)
    return {
      ok: false,
      fieldErrors: { currentPassword: [throttledMessage(verdict.retryAfterSeconds)] },
    };

  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  const shape = passwordShapeSchema.safeParse(input.newPassword);
  if (!shape.success)
    return {
      ok: false,
      fieldErrors: { newPassword: shape.error.issues.map((issue) => issue.message) },
    };
  if (shape.data === input.currentPassword.normalize("NFC")) {
    return {
      ok: false,
      fieldErrors: { newPassword: ["Choose a password different from the current one."] },
    };
  }
  const weakness = await checkNewPassword(shape.data, {
    email: user.email,
    name: user.name ?? undefined,
  });
  if (weakness) return { ok: false, fieldErrors: { newPassword: [weakness] } };

  await getDb().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(shape.data), tokenVersion: { increment: 1 } },
  });
  await loginThrottle.recordSuccess(keys);
  // The tokenVersion bump above already kills every access token in the checked verifier;
  // revoking the families stops them from being refreshed, too.
  await revokeAllFamilies(userId, "password_changed", context);
  await recordEvent({ type: "password.changed", strategy, userId, context });
  return { ok: true };
}
