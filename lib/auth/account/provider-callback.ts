import "server-only";
import type { Account } from "next-auth";
import { currentRequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { refreshProviderTokens } from "../oauth/accounts";
import type { ProviderIntent } from "../oauth/intent";
import { linkProviderAccount } from "./links";
import { reissueThisBrowser } from "./reissue";
import { thisBrowser } from "./this-browser";

// What a provider callback that carries an intent does instead of signing anyone in: the account's
// verbs, called by Auth.js's configuration (lib/auth/oauth/auth.ts, where the layers are put
// together). Each answer is a path on this site; no Auth.js session is ever made for it.

/** A re-proof at the provider must be a sign-in made after the re-proof began (clock skew aside). */
const SKEW_MS = 30_000;

const back = (intent: ProviderIntent, outcome: string) =>
  `${intent.returnTo}${intent.returnTo.includes("?") ? "&" : "?"}${outcome}`;

/** A link: this provider account joins the intent's person, unless it belongs to someone else. */
export async function linkOutcome(
  intent: ProviderIntent,
  account: Account,
  existing: { userId: string } | null,
): Promise<string> {
  const context = await currentRequestContext();
  if (existing && existing.userId !== intent.userId) {
    await recordEvent({
      type: "account.link_refused",
      strategy: "account",
      userId: intent.userId,
      context,
      detail: { provider: intent.provider, reason: "linked_to_someone_else" },
    });
    return back(intent, "link=taken");
  }
  if (existing) await refreshProviderTokens(account);
  else if (
    !(await linkProviderAccount(intent.userId, account, {
      epoch: intent.epoch,
      proof: intent.proof,
      fromCredential: intent.fromCredential,
      context,
    }))
  )
    return back(intent, "link=ended");
  return back(intent, `linked=${intent.provider}`);
}

/**
 * A re-proof: the provider account must be the intent's person's, the sign-in at the provider
 * must be new (its auth_time, where the provider sends one), and this browser must still hold that
 * person's credentials. Then each of them carries this proof, and the browser goes back to the
 * action it was confirming.
 */
export async function reauthOutcome(
  intent: ProviderIntent,
  existing: { userId: string } | null,
  /** When the person signed in at the provider; null when the provider didn't say. */
  authTime: Date | null,
): Promise<string> {
  const context = await currentRequestContext();
  const refuse = async (reason: string) => {
    await recordEvent({
      type: "account.reproof_refused",
      strategy: "account",
      userId: intent.userId,
      context,
      detail: { provider: intent.provider, reason },
    });
    return back(intent, `reauth=${reason}`);
  };
  if (existing?.userId !== intent.userId) return refuse("someone-else");
  if (!authTime || authTime.getTime() < intent.createdAt.getTime() - SKEW_MS)
    return refuse("not-fresh");
  const browser = await thisBrowser();
  if (browser.state !== "signed-in" || browser.user.id !== intent.userId)
    return refuse("signed-out");
  // New credentials for this browser carry the new proof; a copy of the old ones doesn't.
  await reissueThisBrowser(
    browser,
    { epoch: intent.epoch, authTime, method: intent.provider },
    context,
  );
  await recordEvent({
    type: "account.reproved",
    strategy: "account",
    userId: intent.userId,
    context,
    detail: { method: intent.provider },
  });
  return intent.returnTo;
}
