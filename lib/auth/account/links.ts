import "server-only";
import { getDb, transaction } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import type { ProviderAccount } from "../oauth/accounts";
import { sealedTokenColumns } from "../oauth/adapter";
import { isProviderId } from "@/lib/auth/names";
import { type Ended, endEveryCredential, hasAWayIn } from "./revoke-all";

// The account's links to providers: made (after a fresh proof, through a link intent), noticed,
// and ended. An unlink is a kill switch: it runs inside endEveryCredential's transaction.

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
  if (!isProviderId(provider)) return { ok: false, reason: "not_linked" };
  try {
    const ended = await endEveryCredential(userId, {
      reason: "provider_unlinked",
      context,
      event: { type: "account.unlinked", strategy: "account", detail: { provider } },
      also: async (tx) => {
        const { count } = await tx.account.deleteMany({ where: { userId, provider } });
        if (count === 0) throw new Refused("not_linked");
        if (!(await hasAWayIn(tx, userId))) throw new Refused("last_method");
      },
    });
    return { ok: true, ended };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}
