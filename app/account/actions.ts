"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isEverywhereScope, signOutEverywhere } from "@/lib/auth/account/everywhere";
import {
  confirmPathFor,
  isSensitiveAction,
  requireRecentProof,
} from "@/lib/auth/account/recent-proof";
import { linkNow, unlinkNow } from "@/lib/auth/account/provider-actions";
import { removePasskeyNow } from "@/lib/auth/account/passkey-actions";
import { pendingStep } from "@/lib/auth/account/pending-step";
import { consumeContinueIntent, startContinueIntent } from "@/lib/auth/account/continue-intent";
import { passkeyIdSchema } from "@/lib/auth/passkey/schemas";
import { reissueThisBrowser } from "@/lib/auth/account/reissue";
import {
  idsOf,
  type SignedInBrowser,
  strategyOfProof,
  thisBrowser,
} from "@/lib/auth/account/this-browser";
import { forgetDevice } from "@/lib/auth/device";
import { recordEvent } from "@/lib/auth/events";
import { revokeFamily } from "@/lib/auth/jwt/refresh";
import { acknowledgeLinks } from "@/lib/auth/account/links";
import { endOAuthSessionByHandle } from "@/lib/auth/oauth/sessions";
import { startProviderSignIn } from "@/lib/auth/oauth/start";
import { revokeDevice } from "@/lib/auth/session/devices";
import { confirmPassword } from "@/lib/auth/sign-in";
import { STRATEGIES } from "@/lib/auth/names";
import { strategyIdSchema } from "@/lib/auth/strategies";
import { type FormState, textField } from "@/lib/form-state";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentRequestContext } from "@/lib/request-context";

const ACCOUNT = "/account";

/**
 * "Sign out everywhere, every strategy" (after a recent proof): every credential of the person,
 * under all three strategies, this browser's included, and the answer says what ended.
 */
export async function signOutEverywhereEveryStrategy(formData: FormData): Promise<void> {
  const via = strategyIdSchema.safeParse(formData.get("via"));
  const back = via.success ? STRATEGIES[via.data].href : ACCOUNT;
  const browser = await requireRecentProof("sign-out-everywhere", back, { via: "account" });
  redirect(await signOutEverywhere(browser, "account", await currentRequestContext()));
}

const endSchema = z.object({
  kind: z.enum(["session", "family", "oauth", "device"]),
  id: z.string().min(1).max(64),
});

/** Ends one credential from the account page; another browser's needs a recent proof. */
export async function endCredential(formData: FormData): Promise<void> {
  const parsed = endSchema.safeParse({ kind: formData.get("kind"), id: formData.get("id") });
  if (!parsed.success) redirect(ACCOUNT);
  const { kind, id } = parsed.data;
  const browser = await thisBrowser();
  if (browser.state !== "signed-in") redirect(ACCOUNT);
  const mine = idsOf(browser);
  const thisOne =
    (kind === "session" && mine.session?.startsWith(id)) ||
    (kind === "family" && mine.family === id) ||
    (kind === "device" && mine.device?.startsWith(id));
  if (!thisOne) await requireRecentProof("end-credential", ACCOUNT);
  const userId = browser.user.id;
  const context = await currentRequestContext();
  if (kind === "session") await revokeDevice(userId, id, context);
  if (kind === "family") await revokeFamily(id, userId, "revoked_by_user", context);
  if (kind === "oauth") await endOAuthSessionByHandle(userId, id, context);
  if (kind === "device" && (await forgetDevice(userId, id)))
    await recordEvent({ type: "device.forgotten", strategy: "account", userId, context });
  revalidatePath(ACCOUNT);
  redirect(`${ACCOUNT}?ended=${kind}`);
}

export type ConfirmState = FormState<"password">;

const providerSchema = z.enum(["google", "github"]);

const confirmTarget = (formData: FormData) => {
  const action = formData.get("action");
  const provider = providerSchema.safeParse(formData.get("provider"));
  const via = formData.get("via");
  return {
    action: isSensitiveAction(action) ? action : "link",
    next: safeNextPath(formData.get("next"), ACCOUNT),
    pending: {
      provider: provider.success ? provider.data : undefined,
      via: isEverywhereScope(via) ? via : undefined,
      passkey: passkeyIdSchema.safeParse(formData.get("passkey")).data,
    },
  } as const;
};

/**
 * Carries on with what was being confirmed, for a browser whose proof is recent: a link goes to
 * the provider, an unlink, a passkey's removal or a "sign out everywhere" happens; anything else
 * goes back to `next`.
 */
async function carryOn(
  browser: SignedInBrowser,
  { action, next, pending }: ReturnType<typeof confirmTarget>,
): Promise<never> {
  const step = pendingStep(action, pending);
  if (step?.action === "link") return linkNow(browser, step.provider, next);
  if (step?.action === "unlink") return unlinkNow(browser, step.provider, next);
  if (step?.action === "remove-passkey") return removePasskeyNow(browser, step.passkey, next);
  if (step?.action === "sign-out-everywhere")
    redirect(await signOutEverywhere(browser, step.via, await currentRequestContext()));
  redirect(next);
}

/**
 * The confirmation page's "Continue": sent by the page itself after a re-proof this browser
 * started, or pressed by the person. A POST (a server action, origin-checked by Next.js), so a
 * link from another site can't send it. The re-proof's intent, if any, is used up either way.
 */
export async function continueAfterProof(formData: FormData): Promise<void> {
  const target = confirmTarget(formData);
  await consumeContinueIntent();
  const browser = await requireRecentProof(target.action, target.next, target.pending);
  await carryOn(browser, target);
}

/** The re-proof by password: throttled on this browser's proof, never on the account. */
export async function confirmWithPassword(
  _prev: ConfirmState,
  formData: FormData,
): Promise<ConfirmState> {
  const target = confirmTarget(formData);
  const browser = await thisBrowser();
  if (browser.state !== "signed-in")
    return { status: "error", message: "Sign in first: this browser holds no sign-in of yours." };
  const context = await currentRequestContext();
  const proof = await confirmPassword(
    browser.user,
    browser.proof,
    textField(formData, "password"),
    context,
  );
  if (!proof.ok)
    return {
      status: "error",
      message: "Not confirmed.",
      fieldErrors: { password: [proof.message] },
    };
  // New credentials for this browser carry the new proof; a copy of the old ones doesn't.
  await reissueThisBrowser(browser, proof.provenance, context);
  await recordEvent({
    type: "account.reproved",
    strategy: "account",
    userId: browser.user.id,
    context,
    detail: { method: "password" },
  });
  return carryOn({ ...browser, proof: proof.provenance }, target);
}

/**
 * The re-proof by a provider sign-in made now, inside this flow (prompt=login, max_age=0). The
 * browser comes back to the confirmation page with a nonce of this round's intent to carry on,
 * so the page goes on by itself; a bare link to the page never does.
 */
export async function confirmWithProvider(formData: FormData): Promise<void> {
  const { action, next, pending } = confirmTarget(formData);
  const provider = providerSchema.safeParse(formData.get("with"));
  const browser = await thisBrowser();
  if (!provider.success || browser.state !== "signed-in")
    redirect(confirmPathFor(action, next, pending));
  const nonce = await startContinueIntent({ userId: browser.user.id, action, next, pending });
  const here = confirmPathFor(action, next, pending, nonce);
  await startProviderSignIn(provider.data, here, {
    purpose: "reauth",
    userId: browser.user.id,
    epoch: browser.proof.epoch,
    proof: browser.proof.method,
    fromCredential: strategyOfProof(browser),
    returnTo: here,
  });
}

/**
 * "That was me": the notice of new links goes away. A recent proof first: a thief who linked their
 * own provider must not be able to hide the notice with the stolen cookie.
 */
export async function acknowledgeLinkNotice(formData: FormData): Promise<void> {
  const back = safeNextPath(formData.get("next"), ACCOUNT);
  const browser = await requireRecentProof("acknowledge-link", back);
  await acknowledgeLinks(browser.user.id);
  revalidatePath(back);
  redirect(back);
}
