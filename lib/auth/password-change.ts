import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { checkNewPassword, hashPassword, passwordShapeSchema } from "./credentials";
import type { StrategyId } from "./names";
import { type Ended, endEveryCredential } from "./account/revoke-all";
import { elsewhere } from "./account/ended";
import { reissueThisBrowser } from "./account/reissue";
import { thisBrowser } from "./account/this-browser";
import { confirmPassword } from "./sign-in";

// Changing a password needs the current one, and ends every other credential of the person under
// every strategy (OWASP ASVS 7.4.3), in the same transaction as the new hash. This browser stays
// signed in.

export type PasswordChangeField = "currentPassword" | "newPassword";
export type PasswordChangeResult =
  | { ok: true; ended: Ended }
  | { ok: false; fieldErrors: Partial<Record<PasswordChangeField, string[]>> };

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
  // The current password is this action's proof. Its guesses are throttled on the proof this
  // browser's credential came from, never on the account: a thief with a stolen cookie guesses
  // slowly on that bucket alone, and nobody hammering the account can stop the owner here.
  const browser = await thisBrowser();
  const proof = browser.state === "signed-in" ? browser.proof : { authTime: new Date(0) };
  const confirmed = await confirmPassword({ id: userId }, proof, input.currentPassword, context);
  if (!confirmed.ok) return { ok: false, fieldErrors: { currentPassword: [confirmed.message] } };

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

  // The new hash and the end of every credential, in one transaction; then this browser signs in
  // again under the new epoch, with the current password as the proof it just gave.
  const passwordHash = await hashPassword(shape.data);
  const ended = await endEveryCredential(userId, {
    reason: "password_changed",
    context,
    event: { type: "password.changed", strategy: "account", detail: { via: strategy } },
    also: (tx) => tx.user.update({ where: { id: userId }, data: { passwordHash } }),
  });
  if (browser.state !== "signed-in" || browser.user.id !== userId) return { ok: true, ended };
  await reissueThisBrowser(browser, { ...confirmed.provenance, epoch: ended.epoch }, context);
  return { ok: true, ended: elsewhere(ended, browser) };
}
