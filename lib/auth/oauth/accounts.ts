import "server-only";
import type { AdapterAccount } from "@auth/core/adapters";
import { getDb, transaction } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { type Credentials, type Ended, endEveryCredential } from "../account/revoke-all";
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

/** Links a provider account to this person (the link intent's), and logs it for every strategy. */
export async function linkProviderAccount(
  userId: string,
  account: ProviderAccount,
  context?: RequestContext,
): Promise<void> {
  await transaction(async (tx) => {
    await tx.account.create({
      data: {
        userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        ...sealedTokenColumns(account),
      },
    });
    await recordEvent(
      {
        type: "account.linked",
        strategy: "account",
        userId,
        context,
        detail: { provider: account.provider },
      },
      tx,
    );
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

/** How many ways this person can sign in: linked providers, plus a password. */
async function signInMethods(userId: string): Promise<number> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, _count: { select: { accounts: true } } },
  });
  return (user?._count.accounts ?? 0) + (user?.passwordHash ? 1 : 0);
}

export type UnlinkResult =
  { ok: true; ended: Ended } | { ok: false; reason: "not_linked" | "last_method" };

/**
 * Unlinks a provider and ends every credential of the person except this browser's: sessions
 * made through that provider must not outlive the link, and the session rows don't say which
 * provider made them.
 */
export async function unlinkAccount(
  userId: string,
  provider: string,
  keep: Credentials,
  context: RequestContext,
): Promise<UnlinkResult> {
  if (!(provider in PROVIDER_NAMES)) return { ok: false, reason: "not_linked" };
  if ((await signInMethods(userId)) <= 1) return { ok: false, reason: "last_method" };
  const { count } = await getDb().account.deleteMany({ where: { userId, provider } });
  if (count === 0) return { ok: false, reason: "not_linked" };
  const ended = await endEveryCredential(userId, {
    keep,
    reason: "provider_unlinked",
    context,
    event: {
      type: "account.unlinked",
      strategy: "account",
      detail: { provider: provider as ProviderId },
    },
  });
  return { ok: true, ended };
}
