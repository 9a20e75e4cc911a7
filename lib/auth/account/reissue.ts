import "server-only";
import type { RequestContext } from "@/lib/request-context";
import { replaceDevice } from "../device";
import { replaceFamily } from "../jwt/lifecycle";
import { replaceOAuthSession } from "../oauth/sessions";
import type { Provenance } from "../proof";
import { replaceSession } from "../session/lifecycle";
import type { SignedInBrowser } from "./this-browser";

// New credentials for this browser, for each strategy it is signed in with, carrying `provenance`;
// the old ones end. A copy of an old cookie is the same credential as the owner's, so whatever
// happens to "this browser's" credential happens to the thief's copy too: a re-proof must not
// make the copy fresh, and a password change that keeps the owner signed in must not keep the
// copy. Issuing new ones (as a sign-in issues a new session id, against fixation) is the only way
// to tell them apart.

export async function reissueThisBrowser(
  browser: SignedInBrowser,
  provenance: Provenance,
  context: RequestContext,
): Promise<void> {
  const { user, held, device } = browser;
  if (held.session) await replaceSession(user, held.session.id, provenance, context);
  if (held.family) await replaceFamily(user.id, held.family.id, provenance, context);
  if (held.oauthSession) await replaceOAuthSession(user.id, held.oauthSession.id, provenance);
  if (device) await replaceDevice({ id: user.id, epoch: provenance.epoch }, device, context);
}
