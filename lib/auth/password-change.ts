import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { checkNewPassword, hashPassword, passwordShapeSchema } from "./credentials";
import type { StrategyId } from "./names";
import { type Ended, endEveryCredential } from "./account/revoke-all";
import { elsewhere } from "./account/ended";
import { reissueThisBrowser } from "./account/reissue";
import { isRecent } from "./account/recent-proof";
import { type SignedInBrowser, thisBrowser } from "./account/this-browser";
import { confirmPassword } from "./sign-in";

// Changing a password needs the current one, or a passkey assertion made within the recent-proof
// window (a stronger proof than the password itself, and the only one a passkey-only person has,
// who sets their first password this way). It ends every other credential of the person under
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
  const browser = await thisBrowser();
  const byPasskey =
    Boolean(user) &&
    !user?.passwordHash &&
    browser.state === "signed-in" &&
    hasRecentPasskeyProof(browser, userId);
  if (!user || (!user.passwordHash && !byPasskey)) {
    return {
      ok: false,
      fieldErrors: {
        currentPassword: [
          "This account has no password: confirm it is you with a passkey to set one, or sign in through its provider.",
        ],
      },
    };
  }
  // Otherwise the current password is this action's proof. Its guesses are throttled on the proof
  // this browser's credential came from, never on the account: a thief with a stolen cookie
  // guesses slowly on that bucket alone, and nobody hammering the account can stop the owner here.
  const proof = browser.state === "signed-in" ? browser.proof : { authTime: new Date(0) };
  const confirmed =
    browser.state === "signed-in" && byPasskey
      ? ({ ok: true, provenance: browser.proof } as const)
      : await confirmPassword({ id: userId }, proof, input.currentPassword, context);
  if (!confirmed.ok) return { ok: false, fieldErrors: { currentPassword: [confirmed.message] } };

  const shape = passwordShapeSchema.safeParse(input.newPassword);
  if (!shape.success)
    return {
      ok: false,
      fieldErrors: { newPassword: shape.error.issues.map((issue) => issue.message) },
    };
  if (!byPasskey && shape.data === input.currentPassword.normalize("NFC")) {
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
  // again under the new epoch, with the proof it just gave (the current password, or its passkey).
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

/** How fresh a passkey proof must be to stand in for a password that doesn't exist yet. */
const PASSKEY_STANDIN_SECONDS = 60;

/**
 * A passkey assertion of this very person, made within the last minute (and the recent-proof
 * window): the stand-in for the current password of an account that has none yet, so a
 * passkey-only person can set a first password. An account with a password always gives it: a
 * cookie copied just after a passkey sign-in must not replace a password it never knew.
 */
export function hasRecentPasskeyProof(browser: SignedInBrowser, userId: string): boolean {
  const now = Date.now();
  return (
    browser.user.id === userId &&
    browser.proof.method === "passkey" &&
    isRecent(browser.proof, now) &&
    now - browser.proof.authTime.getTime() <= PASSKEY_STANDIN_SECONDS * 1000
  );
}

/** Whether this account has a password (a passkey-only one sets its first with a passkey). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true },
  });
  return Boolean(user?.passwordHash);
}
