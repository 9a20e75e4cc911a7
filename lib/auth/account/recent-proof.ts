import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { sessionStore } from "@/lib/store/sessions";
import type { Provenance } from "../proof";
import { renewKeptAccessToken, type SignedInBrowser, thisBrowser } from "./this-browser";

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
} as const;
export type SensitiveAction = keyof typeof SENSITIVE_ACTIONS;

export const isSensitiveAction = (value: unknown): value is SensitiveAction =>
  typeof value === "string" && Object.hasOwn(SENSITIVE_ACTIONS, value);

export const CONFIRM_PATH = "/account/confirm";

export const recentProofSeconds = () => getEnv().RECENT_PROOF_SECONDS;

export const isRecent = (proof: Provenance, now = Date.now()) =>
  now - proof.authTime.getTime() <= recentProofSeconds() * 1000;

/**
 * What the confirmation page carries on with once the person has confirmed: the provider of a
 * link or an unlink, the scope of a "sign out everywhere".
 */
export type Pending = { provider?: string; via?: string };

export const confirmPathFor = (action: SensitiveAction, next: string, pending: Pending = {}) => {
  const params = new URLSearchParams({ action });
  if (pending.provider) params.set("provider", pending.provider);
  if (pending.via) params.set("via", pending.via);
  params.set("next", next);
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

/**
 * A new proof by the person holding this browser's credentials: each of them now says so (the
 * time and the method), and the JWT family gets an access token carrying the new auth_time. Only
 * credentials of the proof's epoch move: anything older has been ended anyway.
 */
export async function reprove(browser: SignedInBrowser, proof: Provenance): Promise<void> {
  const { session, family, oauthSession } = browser.held;
  const fresh = { authTime: proof.authTime, authMethod: proof.method };
  const db = getDb();
  await Promise.all([
    session && session.provenance.epoch === proof.epoch
      ? sessionStore().reprove(session.id, proof.authTime, proof.method)
      : null,
    family
      ? db.refreshFamily.updateMany({
          where: { id: family.id, userId: browser.user.id, epoch: proof.epoch },
          data: fresh,
        })
      : null,
    oauthSession
      ? db.session.updateMany({
          where: { sessionToken: oauthSession.id, userId: browser.user.id, epoch: proof.epoch },
          data: fresh,
        })
      : null,
  ]);
  if (family) await renewKeptAccessToken({ family: family.id }, browser.user.id);
}
