import "server-only";
import type { AdapterAccount } from "next-auth/adapters";
import { getDb } from "@/lib/db";
import { redact } from "../tokens";
import { sealedTokenColumns } from "./adapter";
import { isProviderId, type ProviderId } from "@/lib/auth/names";

// Linked providers of one person, as plain objects. Provider tokens stay in the database,
// encrypted: pages learn only whether they exist and when they expire.

export type LinkedAccount = {
  provider: ProviderId;
  providerAccountId: string;
  scopes: string[];
  expiresAt: string | null;
  hasAccessToken: boolean;
  /** The stored (encrypted) token cut to a short prefix: enough to tell rows apart, useless to replay. */
  accessTokenPreview: string | null;
  hasRefreshToken: boolean;
  hasIdToken: boolean;
  linkedAt: string;
  /** How it came to be: its first sign-in made the account, or the linking flow. */
  linkedVia: "sign-up" | "link";
  /** For a link: the proof it was made after, the strategy that asked, and from where. */
  linkProof: string | null;
  linkedFrom: string | null;
  linkedIp: string | null;
  linkedUserAgent: string | null;
  /** The person has not acknowledged it yet (the banner still shows). */
  unacknowledged: boolean;
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
      id_token: true,
      createdAt: true,
      linkedVia: true,
      linkProof: true,
      linkedFrom: true,
      linkedIp: true,
      linkedUserAgent: true,
      noticeSeenAt: true,
    },
  });
  // A row of a provider this app no longer offers code for is not one it can show or call.
  return accounts
    .flatMap(({ provider, ...account }) =>
      isProviderId(provider) ? [{ ...account, provider }] : [],
    )
    .map((account) => ({
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      scopes: (account.scope ?? "").split(/[\s,]+/).filter(Boolean),
      expiresAt: account.expires_at ? new Date(account.expires_at * 1000).toISOString() : null,
      hasAccessToken: Boolean(account.access_token),
      accessTokenPreview: account.access_token ? redact(account.access_token.slice(3)) : null,
      hasRefreshToken: Boolean(account.refresh_token),
      hasIdToken: Boolean(account.id_token),
      linkedAt: account.createdAt.toISOString(),
      linkedVia: account.linkedVia === "link" ? "link" : "sign-up",
      linkProof: account.linkProof,
      linkedFrom: account.linkedFrom,
      linkedIp: account.linkedIp,
      linkedUserAgent: account.linkedUserAgent,
      unacknowledged: account.linkedVia === "link" && account.noticeSeenAt === null,
    }));
}

export type ProviderAccount = { type: string } & Pick<
  AdapterAccount,
  | "provider"
  | "providerAccountId"
  | "access_token"
  | "refresh_token"
  | "id_token"
  | "expires_at"
  | "scope"
  | "token_type"
>;

/** How a link was asked for: the epoch and proof, the strategy of the credential, from where. */
/** A provider account's access token as it sits in the database (encrypted), for the lessons that show it. */
export type TokenAtRest = { provider: string; scope: string | null; accessToken: string | null };

/** The person's first linked account (of `provider`, when given), as stored; null without one. */
export async function tokenAtRest(
  userId: string,
  provider?: ProviderId,
): Promise<TokenAtRest | null> {
  const account = await getDb().account.findFirst({
    where: { userId, ...(provider ? { provider } : {}) },
    select: { provider: true, scope: true, access_token: true },
  });
  return (
    account && {
      provider: account.provider,
      scope: account.scope,
      accessToken: account.access_token,
    }
  );
}

/**
 * A sign-in with an account that is already linked brings fresh provider tokens: keep those, so
 * the delegated call uses what the person granted last, not what they granted first.
 */
export async function refreshProviderTokens(account: ProviderAccount): Promise<void> {
  await getDb().account.updateMany({
    where: { provider: account.provider, providerAccountId: account.providerAccountId },
    data: sealedTokenColumns(account),
  });
}
