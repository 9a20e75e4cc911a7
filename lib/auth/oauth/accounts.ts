import "server-only";
import type { AdapterAccount } from "@auth/core/adapters";
import { getDb, transaction } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { type Ended, endEveryCredential } from "../account/revoke-all";
import { recordEvent } from "../events";
import { redact } from "../tokens";
import { sealedTokenColumns } from "./adapter";
import { PROVIDER_NAMES, type ProviderId } from "./providers";

// Linked providers of one person, as plain objects. Provider tokens stay in the database,
// encrypted: pages learn only whether they exist and when they expire.

export type LinkedAccount = {
  provider: string;
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
  return accounts.map((account) => ({
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

type ProviderAccount = { type: string } & Pick<
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

export type LinkOrigin = {
  epoch: number;
  proof: string;
  fromCredential: string;
  context: RequestContext;
};

/**
 * Links a provider account to this person (a link intent's, lib/auth/oauth/intent.ts), records how
 * it was asked for, and logs `account.linked` for every strategy: the person's account pages show
 * a notice of it until they acknowledge it.
 */
export async function linkProviderAccount(
  userId: string,
  account: ProviderAccount,
  { epoch, proof, fromCredential, context }: LinkOrigin,
): Promise<boolean> {
  return transaction(async (tx) => {
    // The epoch again, in the transaction that links: a kill switch that committed since the
    // intent was checked voids the link too.
    const { count } = await tx.user.updateMany({
      where: { id: userId, epoch },
      data: { updatedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.account.create({
      data: {
        userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        ...sealedTokenColumns(account),
        linkedVia: "link",
        linkProof: proof,
        linkedFrom: fromCredential,
        linkedIp: context.ip,
        linkedUserAgent: context.userAgent,
      },
    });
    await recordEvent(
      {
        type: "account.linked",
        strategy: "account",
        userId,
        context,
        detail: { provider: account.provider, proof, from: fromCredential },
      },
      tx,
    );
    return true;
  });
}

/** The person has seen the notice of their links. */
export async function acknowledgeLinks(userId: string): Promise<void> {
  await getDb().account.updateMany({
    where: { userId, linkedVia: "link", noticeSeenAt: null },
    data: { noticeSeenAt: new Date() },
  });
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

export type UnlinkResult =
  { ok: true; ended: Ended } | { ok: false; reason: "not_linked" | "last_method" };

class Refused extends Error {
  constructor(readonly reason: "not_linked" | "last_method") {
    super(reason);
  }
}

/**
 * Unlinks a provider and ends every credential of the person, in one transaction (the caller gives
 * this browser new ones): sessions made through that provider must not outlive the link, and the session rows
 * don't say which provider made them. The last way to sign in is never removed (checked inside
 * the transaction, so two unlinks racing can't remove both).
 */
export async function unlinkAccount(
  userId: string,
  provider: string,
  context: RequestContext,
): Promise<UnlinkResult> {
  if (!(provider in PROVIDER_NAMES)) return { ok: false, reason: "not_linked" };
  try {
    const ended = await endEveryCredential(userId, {
      reason: "provider_unlinked",
      context,
      event: { type: "account.unlinked", strategy: "account", detail: { provider } },
      also: async (tx) => {
        const { count } = await tx.account.deleteMany({ where: { userId, provider } });
        if (count === 0) throw new Refused("not_linked");
        const left = await tx.user.findUnique({
          where: { id: userId },
          select: { passwordHash: true, _count: { select: { accounts: true } } },
        });
        if ((left?._count.accounts ?? 0) + (left?.passwordHash ? 1 : 0) === 0)
          throw new Refused("last_method");
      },
    });
    return { ok: true, ended };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}
