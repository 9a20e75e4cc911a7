import "server-only";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import type { Provenance } from "../proof";
import { type SignedInBrowser, thisBrowser } from "./this-browser";

// Recent authentication, one concept (OWASP ASVS V6/V7, GitHub's "sudo mode"): an action that
// changes how a person signs in, or ends their sign-ins elsewhere, needs a proof of who they are
// made within RECENT_PROOF_SECONDS. A credential's proof is the sign-in it came from; a refresh, a
// slide or an exchange copies it and never makes it newer, so a stolen cookie, however it is
// exchanged, is only ever as fresh as the theft. Otherwise the person confirms it is them
// (app/account/confirm): the password, or a provider sign-in made inside that very flow.

export const SENSITIVE_ACTIONS = {
  link: "link a sign-in provider to your account",
  unlink: "unlink a sign-in provider",
  "sign-out-everywhere": "sign out everywhere",
  "end-credential": "end a sign-in of another browser or device",
  "acknowledge-link": "confirm that a newly linked provider was yours",
  "add-passkey": "add a passkey to your account",
  "remove-passkey": "remove a passkey",
  "change-password": "change or set your password without typing the current one",
} as const;
export type SensitiveAction = keyof typeof SENSITIVE_ACTIONS;

export const isSensitiveAction = (value: unknown): value is SensitiveAction =>
  typeof value === "string" && Object.hasOwn(SENSITIVE_ACTIONS, value);

export const CONFIRM_PATH = "/account/confirm";
/** The confirmation page's parameter that brings a re-proof's nonce back (continue-intent.ts). */
export const CONTINUE_PARAM = "continue";

export const recentProofSeconds = () => getEnv().RECENT_PROOF_SECONDS;

export const isRecent = (proof: Provenance, now = Date.now()) =>
  now - proof.authTime.getTime() <= recentProofSeconds() * 1000;

/**
 * What the confirmation page carries on with once the person has confirmed: the provider of a
 * link or an unlink, the scope of a "sign out everywhere", the passkey to remove.
 */
export type Pending = { provider?: string; via?: string; passkey?: string };

/**
 * The confirmation page for `action`. `continueNonce`: the return address of a re-proof this
 * browser is starting, so the page carries on by itself (lib/auth/account/continue-intent.ts).
 */
export const confirmPathFor = (
  action: SensitiveAction,
  next: string,
  pending: Pending = {},
  continueNonce?: string,
) => {
  const params = new URLSearchParams({ action });
  if (pending.provider) params.set("provider", pending.provider);
  if (pending.via) params.set("via", pending.via);
  if (pending.passkey) params.set("passkey", pending.passkey);
  params.set("next", next);
  if (continueNonce) params.set(CONTINUE_PARAM, continueNonce);
  return `${CONFIRM_PATH}?${params.toString()}`;
};

/**
 * The person this browser is signed in as, with a recent proof; otherwise the browser is sent to
 * confirm it is them (and then back to `next`), or to sign in. Call it first in a sensitive action.
 */
export async function requireRecentProof(
  action: SensitiveAction,
  next: string,
  pending: Pending = {},
): Promise<SignedInBrowser> {
  const browser = await thisBrowser();
  if (browser.state === "signed-out") redirect(`/session/login?next=${encodeURIComponent(next)}`);
  if (browser.state === "two-people") redirect("/account?error=two-people");
  if (!isRecent(browser.proof)) redirect(confirmPathFor(action, next, pending));
  return browser;
}
