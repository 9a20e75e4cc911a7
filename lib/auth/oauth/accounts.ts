import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { hashToken, redact } from "../tokens";

// Linked providers and Auth.js sessions of one person, as plain objects. Provider tokens stay in
// the database: the account page learns only whether they exist and when they expire.

export type LinkedAccount = {
  provider: string;
  providerAccountId: string;
  scopes: string[];
  expiresAt: string | null;
  hasAccessToken: boolean;
  /** The provider token cut to a short prefix: enough to tell tokens apart, useless to replay. */
  accessTokenPreview: string | null;
  hasRefreshToken: boolean;
};

export async function listLinkedAccounts(userId: string): Promise<LinkedAccount[]> {
  const accounts = await getDb().account.findMany({
    where: { userId },
    orderBy: { provider: "asc" },
    select: {
      provider: true,
      providerAccountId: true,
      scope: true,
      expires_at: true,
      access_token: true,
      refresh_token: true,
    },
  });
  return accounts.map((account) => ({
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    scopes: (account.scope ?? "").split(/[\s,]+/).filter(Boolean),
    expiresAt: account.expires_at ? new Date(account.expires_at * 1000).toISOString() : null,
    hasAccessToken: Boolean(account.access_token),
    accessTokenPreview: account.access_token ? redact(account.access_token) : null,
    hasRefreshToken: Boolean(account.refresh_token),
  }));
}

/** How many ways this person can sign in: linked providers, plus a password. */
async function signInMethods(userId: string): Promise<number> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, _count: { select: { accounts: true } } },
  });
  return (user?._count.accounts ?? 0) + (user?.passwordHash ? 1 : 0);
}

export type UnlinkResult = { ok: true } | { ok: false; reason: "not_linked" | "last_method" };

export async function unlinkAccount(
  userId: string,
  provider: string,
  context: RequestContext,
): Promise<UnlinkResult> {
  if ((await signInMethods(userId)) <= 1) return { ok: false, reason: "last_method" };
  const { count } = await getDb().account.deleteMany({ where: { userId, provider } });
  if (count === 0) return { ok: false, reason: "not_linked" };
  await recordEvent({
    type: "account.unlinked",
    strategy: "oauth",
    userId,
    context,
    detail: { provider },
  });
  return { ok: true };
}

export type OAuthSessionView = {
  handle: string;
  createdAt: string;
  expiresAt: string;
  current: boolean;
};

export async function listOAuthSessions(
  userId: string,
  currentToken: string | undefined,
): Promise<OAuthSessionView[]> {
  const sessions = await getDb().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { sessionToken: true, createdAt: true, expires: true },
  });
  return sessions.map((session) => ({
    handle: redact(hashToken(session.sessionToken)),
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expires.toISOString(),
    current: session.sessionToken === currentToken,
  }));
}

/**
 * "Sign out everywhere": every Auth.js session of this person except `keepToken` (the current
 * one, which Auth.js's own signOut() then ends, cookie included).
 */
export async function revokeOAuthSessions(
  userId: string,
  context: RequestContext,
  keepToken?: string,
): Promise<number> {
  const { count } = await getDb().session.deleteMany({
    where: { userId, ...(keepToken ? { sessionToken: { not: keepToken } } : {}) },
  });
  await recordEvent({
    type: "session.revoked",
    strategy: "oauth",
    userId,
    context,
    detail: { scope: "all", others: count },
  });
  return count;
}

/** Ends one Auth.js session, as Auth.js's own sign-out does (the lab's replay uses it). */
export async function endOAuthSession(sessionToken: string): Promise<void> {
  await getDb().session.deleteMany({ where: { sessionToken } });
}
