import "server-only";
import type { User } from "@/lib/auth/user";
import { z } from "zod";
import type { RequestContext } from "@/lib/request-context";
import { clearTokenCookies, readAccessCookie } from "./jwt/cookies";
import { getCurrentJwt, refreshable } from "./jwt/guard";
import { ownerForSignOut, signOutEverywhere, signOutWithAccessToken } from "./jwt/lifecycle";
import { STRATEGIES, STRATEGY_IDS, type StrategyId } from "./names";
import { readOAuthSessionCookie } from "./oauth/cookie";
import { forgetFlowDetails } from "./oauth/flow-log";
import { peekOAuthUser, signOutOAuthEverywhere, signOutOAuthHere } from "./oauth/sessions";
import { getCurrentSession, peekSession } from "./session/guard";
import { revokeAllSessions, signOutSession } from "./session/lifecycle";

// The common face of the three strategies: the same verbs, each answered its own way. Pages, the
// header, the lab and notes code talk to this, never to a strategy's cookie, token or table.

export type Strategy = (typeof STRATEGIES)[StrategyId] & {
  /** Who is signed in: a use of the credential (a session slides, a JWT is checked in full). */
  currentUser(): Promise<User | null>;
  /** The same question, writing nothing: for status displays and polling. */
  peekUser(): Promise<User | null>;
  /** Ends this browser's credential under this strategy, and clears its cookies. */
  signOut(context: RequestContext): Promise<void>;
  /** Ends every credential of this browser's person under this strategy, this one included. */
  signOutEverywhere(context: RequestContext): Promise<void>;
  /** Signed out only because a short-lived credential expired: a page can refresh silently. */
  recoverable(): Promise<boolean>;
  /** The store behind this strategy can't be asked right now (so nobody counts as signed in). */
  unavailable(): Promise<boolean>;
  /** Why a browser that holds this strategy's credential is signed out, for the sign-in page. */
  whySignedOut(): Promise<SignedOutReason | null>;
};

export type SignedOutReason = "expired" | "ended" | "revoked";

const user = (found: { id: string; email?: string | null; name?: string | null } | null) =>
  found?.email ? { id: found.id, email: found.email, name: found.name ?? null } : null;

const session: Strategy = {
  ...STRATEGIES.session,
  currentUser: async () => (await getCurrentSession()).user,
  // Polling must not keep an idle session alive.
  peekUser: async () => (await peekSession()).user,
  signOut: signOutSession,
  async signOutEverywhere(context) {
    const current = await getCurrentSession();
    if (current.session) await revokeAllSessions(current.user.id, current.session, "all", context);
  },
  recoverable: async () => false,
  unavailable: async () => {
    const current = await peekSession();
    return !current.session && Boolean(current.unavailable);
  },
  whySignedOut: async () => {
    const current = await getCurrentSession();
    if (current.session) return null;
    return current.expired ? "expired" : current.ended ? "ended" : null;
  },
};

const jwt: Strategy = {
  ...STRATEGIES.jwt,
  currentUser: async () => {
    const auth = await getCurrentJwt();
    return auth.ok ? user(auth.user) : null;
  },
  // The checked verifier writes nothing, so peeking is the same question.
  peekUser: async () => {
    const auth = await getCurrentJwt();
    return auth.ok ? user(auth.user) : null;
  },
  async signOut(context) {
    const token = await readAccessCookie();
    if (token) await signOutWithAccessToken(token, context);
    await clearTokenCookies();
  },
  async signOutEverywhere(context) {
    // A token that has just expired still names its person: signing out must not wait for a refresh.
    const token = await readAccessCookie();
    const owner = token ? await ownerForSignOut(token) : null;
    if (owner) await signOutEverywhere(owner, context);
    await clearTokenCookies();
  },
  recoverable: async () => {
    const auth = await getCurrentJwt();
    return refreshable(auth);
  },
  unavailable: async () => {
    const auth = await getCurrentJwt();
    return !auth.ok && auth.reason === "unavailable";
  },
  whySignedOut: async () => {
    const auth = await getCurrentJwt();
    return !auth.ok && auth.reason === "revoked" ? "revoked" : null;
  },
};

const oauth: Strategy = {
  ...STRATEGIES.oauth,
  // Auth.js's auth() would read the cookie its own way and slide the row where no cookie can be
  // set (a page): the app's one reader, peeking, instead. Route handlers slide (route-auth.ts).
  currentUser: peekOAuthUser,
  peekUser: peekOAuthUser,
  async signOut(context) {
    await signOutOAuthHere(context);
    await forgetFlowDetails();
  },
  async signOutEverywhere(context) {
    const current = await peekOAuthUser();
    if (current) await signOutOAuthEverywhere(current.id, context);
    else await signOutOAuthHere(context);
    await forgetFlowDetails();
  },
  recoverable: async () => false,
  unavailable: async () => false,
  whySignedOut: async () =>
    (await readOAuthSessionCookie()) && !(await peekOAuthUser()) ? "ended" : null,
};

/** Where to send a signed-out browser: the strategy's sign-in page, back here afterwards, and why. */
export async function signInPathFor(strategy: Strategy, returnTo: string): Promise<string> {
  const why = await strategy.whySignedOut();
  return `${strategy.loginPath}?next=${encodeURIComponent(returnTo)}${why ? `&reason=${why}` : ""}`;
}

export const strategies: readonly Strategy[] = [session, jwt, oauth];

export const strategyIdSchema = z.enum(STRATEGY_IDS);

export function getStrategy(id: StrategyId): Strategy {
  return { session, jwt, oauth }[id];
}
