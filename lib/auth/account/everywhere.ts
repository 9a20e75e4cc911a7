import "server-only";
import type { RequestContext } from "@/lib/request-context";
import { clearTokenCookies } from "../jwt/cookies";
import { STRATEGIES } from "../names";
import { clearOAuthSessionCookie } from "../oauth/cookie";
import { forgetFlowDetails } from "../oauth/flow-log";
import { deleteSessionCookie } from "../session/cookie";
import { getCurrentSession } from "../session/guard";
import { replaceSession, revokeAllSessions } from "../session/lifecycle";
import { getStrategy } from "../strategies";
import { endedQuery } from "./ended";
import { endEveryCredential } from "./revoke-all";
import { idsOf, type SignedInBrowser } from "./this-browser";

// Every "sign out everywhere" the pages offer, in one place: the buttons call these after a
// recent proof, and the confirmation page calls them straight after a re-proof. Each answers with
// where the browser goes next.

export const EVERYWHERE_SCOPES = ["account", "session", "session-others", "jwt", "oauth"] as const;
export type EverywhereScope = (typeof EVERYWHERE_SCOPES)[number];

export const isEverywhereScope = (value: unknown): value is EverywhereScope =>
  typeof value === "string" && (EVERYWHERE_SCOPES as readonly string[]).includes(value);

export async function signOutEverywhere(
  browser: SignedInBrowser,
  scope: EverywhereScope,
  context: RequestContext,
): Promise<string> {
  switch (scope) {
    case "account": {
      // Every credential of the person under all three strategies, this browser's included.
      const here = idsOf(browser);
      const ended = await endEveryCredential(browser.user.id, {
        reason: "signed_out_everywhere",
        context,
      });
      await Promise.all([
        here.session ? deleteSessionCookie() : null,
        here.family ? clearTokenCookies() : null,
        here.oauthSession ? clearOAuthSessionCookie() : null,
        forgetFlowDetails(),
      ]);
      return `/account/signed-out?${endedQuery(ended)}`;
    }
    case "session":
    case "session-others": {
      const current = await getCurrentSession();
      if (!current.session) return STRATEGIES.session.loginPath;
      await revokeAllSessions(current.user.id, current.session, "all", context);
      if (scope === "session") return STRATEGIES.session.loginPath;
      // "Everywhere else": this browser signs in again with a new session (a copy of its old
      // cookie is one of the "else"), carrying the proof it had.
      const { epoch, authTime, authMethod } = current.session;
      await replaceSession(current.user, null, { epoch, authTime, method: authMethod }, context);
      return "/session/devices";
    }
    case "jwt":
      await getStrategy("jwt").signOutEverywhere(context);
      return STRATEGIES.jwt.loginPath;
    case "oauth":
      await getStrategy("oauth").signOutEverywhere(context);
      // The sign-in page then explains that the provider still remembers this browser.
      return `${STRATEGIES.oauth.loginPath}?signed-out=1`;
  }
}
