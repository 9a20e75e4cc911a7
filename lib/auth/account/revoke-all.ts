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
// `keep` spares the credentials this very browser holds (a password change or an unlink keeps the
// person signed in where they made it): they move to the new epoch. Without it, this browser is
// signed out too.

export type Credentials = {
  /** A server session's id (the SHA-256 of its token). */
  session?: string;
  /** A JWT refresh family's id. */
  family?: string;
  /** An Auth.js session's stored id (the SHA-256 of its token). */
  oauthSession?: string;
  /** A trusted device's id (the SHA-256 of its cookie's token). */
  device?: string;
};

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
    keep = {},
    reason,
    context,
    event,
    also,
  }: {
    keep?: Credentials;
    /** Another write that must land with these (the new password hash, an unlinked account). */
    also?: (tx: Tx) => Promise<unknown>;
    reason: RevokeReason;
    context?: RequestContext;
    /** Logged in the same transaction (a password change, an unlink); the default says "everywhere". */
    event?: Omit<AuthEventInput, "userId" | "context">;
  },
): Promise<Ended> {
  const store = sessionStore();
  // Set once the session store (Redis, memory) has ended its sessions under the new epoch.
  let floorRaisedTo: number | null = null;
  const ended = await transaction(async (tx) => {
    // A write first: the transaction holds the write lock from its first statement.
    const { epoch } = await tx.user.update({
      where: { id: userId },
      data: { epoch: { increment: 1 } },
      select: { epoch: true },
    });
    await also?.(tx);
    const families = await revokeAllFamilies(tx, userId, reason, {
      context,
      keep: keep.family,
      epoch,
    });
    const spare = <T extends string | undefined>(id: T) => (id ? { not: id } : undefined);
    const oauthSessions = await tx.session.deleteMany({
      where: { userId, sessionToken: spare(keep.oauthSession) },
    });
    const devices = await tx.trustedDevice.deleteMany({
      where: { userId, id: spare(keep.device) },
    });
    if (keep.oauthSession)
      await tx.session.updateMany({
        where: { sessionToken: keep.oauthSession, userId },
        data: { epoch },
      });
    if (keep.device)
      await tx.trustedDevice.updateMany({ where: { id: keep.device, userId }, data: { epoch } });
    // A link or a re-proof started before this can't be completed after it.
    await tx.providerIntent.deleteMany({ where: { userId } });
    // Sessions kept outside the database (Redis) end last, right before the commit: if the store
    // can't be reached nothing here commits (a 503) and the person is as before.
    if (!store.inDatabase) floorRaisedTo = epoch;
    const sessions = await store.endForUser(
      userId,
      { keep: keep.session, epoch },
      store.inDatabase ? tx : undefined,
    );
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
  return ended;
}
