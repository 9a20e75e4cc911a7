import "server-only";
import { transaction, type Tx } from "@/lib/db";
import { sessionStore } from "@/lib/store/sessions";
import type { RequestContext } from "@/lib/request-context";
import { type AuthEventInput, recordEvent } from "../events";
import { revokeAllFamilies, type RevokeReason } from "../jwt/refresh";

// One person, one kill switch: every credential of a person under every strategy ends in one
// transaction, by bumping the person's credential epoch (lib/auth/proof.ts). Server sessions,
// Auth.js sessions, trusted devices and provider intents are deleted, JWT families revoked, and
// every guard compares the epoch in the read it already makes, so whatever a sign-in racing this
// is still making (it read the old epoch before its password check) is dead on arrival. Nothing is
// left half done: it all commits, or nothing does.
//
// Nothing is spared, this browser's credentials included: a password change or an unlink that
// keeps the person signed in where they made it gives this browser new ones afterwards
// (lib/auth/account/reissue.ts), so a copy of its old cookie dies with the rest.

/** Exactly what the kill switch ended, for its answer. */
export type Ended = {
  epoch: number;
  sessions: number;
  families: number;
  oauthSessions: number;
  devices: number;
};

export async function endEveryCredential(
  userId: string,
  {
    reason,
    context,
    event,
    also,
  }: {
    /** Another write that must land with these (the new password hash, an unlinked account). */
    also?: (tx: Tx) => Promise<unknown>;
    reason: RevokeReason;
    context?: RequestContext;
    /** Logged in the same transaction (a password change, an unlink); the default says "everywhere". */
    event?: Omit<AuthEventInput, "userId" | "context">;
  },
): Promise<Ended> {
  const store = sessionStore();
  // Set just before the session store (Redis, memory) ends its sessions under the new epoch.
  let floorRaisedTo: number | null = null;
  return transaction(async (tx) => {
    // A write first: the transaction holds the write lock from its first statement.
    const { epoch } = await tx.user.update({
      where: { id: userId },
      data: { epoch: { increment: 1 } },
      select: { epoch: true },
    });
    await also?.(tx);
    const families = await revokeAllFamilies(tx, userId, reason, context);
    const oauthSessions = await tx.session.deleteMany({ where: { userId } });
    const devices = await tx.trustedDevice.deleteMany({ where: { userId } });
    // A link or a re-proof started before this can't be completed after it.
    await tx.providerIntent.deleteMany({ where: { userId } });
    // Sessions kept outside the database (Redis) end last, right before the commit: if the store
    // can't be reached nothing here commits (a 503) and the person is as before.
    if (!store.inDatabase) floorRaisedTo = epoch;
    const sessions = await store.endForUser(userId, epoch, store.inDatabase ? tx : undefined);
    const ended: Ended = {
      epoch,
      sessions,
      families,
      oauthSessions: oauthSessions.count,
      devices: devices.count,
    };
    await recordEvent(
      {
        ...(event ?? { type: "account.signed_out_everywhere", strategy: "account" }),
        userId,
        context,
        detail: {
          reason,
          sessions: ended.sessions,
          families: ended.families,
          oauthSessions: ended.oauthSessions,
          devices: ended.devices,
          ...event?.detail,
        },
      },
      tx,
    );
    return ended;
  }).catch(async (error: unknown) => {
    // The commit failed after the store raised its floor: the person's epoch is still the old one,
    // so the store must accept sessions of it again (or nobody could sign in with a session).
    if (floorRaisedTo !== null) await store.undoFloor(userId, floorRaisedTo).catch(() => {});
    throw error;
  });
}

/**
 * Whether the person can still sign in some way (a password, a linked provider, a passkey): read
 * inside the transaction that removes one way, which refuses to remove the last.
 */
export async function hasAWayIn(tx: Tx, userId: string): Promise<boolean> {
  const left = await tx.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, _count: { select: { accounts: true, passkeys: true } } },
  });
  return (
    (left?._count.accounts ?? 0) + (left?._count.passkeys ?? 0) + (left?.passwordHash ? 1 : 0) > 0
  );
}
