import "server-only";
import { transaction, type Tx } from "@/lib/db";
import { sessionStore } from "@/lib/store/sessions";
import type { RequestContext } from "@/lib/request-context";
import { type AuthEventInput, recordEvent } from "../events";
import { revokeAllFamilies, type RevokeReason } from "../jwt/refresh";

// One person, one kill switch: every credential of a person under every strategy ends in one
// transaction. Server sessions and Auth.js sessions are deleted, JWT families revoked, and the
// tokenVersion bump kills every access token in the checked verifier at once. Nothing is left
// half done: it all commits, or nothing does.
//
// `keep` spares the credentials this very browser holds (a password change or an unlink keeps the
// person signed in where they made it); without it, this browser is signed out too.

export type Credentials = {
  /** A server session's id (the SHA-256 of its token). */
  session?: string;
  /** A JWT refresh family's id. */
  family?: string;
  /** An Auth.js session's stored id (the SHA-256 of its token). */
  oauthSession?: string;
};

export type Ended = {
  tokenVersion: number;
  sessions: number;
  families: number;
  oauthSessions: number;
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
    /** Another write that must land with these (the new password hash). */
    also?: (tx: Tx) => Promise<unknown>;
    reason: RevokeReason;
    context?: RequestContext;
    /** Logged in the same transaction (a password change, an unlink); the default says "everywhere". */
    event?: Omit<AuthEventInput, "userId" | "context">;
  },
): Promise<Ended> {
  const store = sessionStore();
  // Sessions kept outside the database (Redis) end first, in the store's own atomic step: if it
  // can't be reached nothing else happens (a 503), and if the database then fails, the person is
  // more signed out than asked, never less. A retry finishes the job.
  const outside = store.inDatabase ? 0 : await store.deleteForUser(userId, keep.session);
  return transaction(async (tx) => {
    // A write first: the transaction holds the write lock from its first statement.
    const { tokenVersion } = await tx.user.update({
      where: { id: userId },
      data: { tokenVersion: { increment: 1 } },
      select: { tokenVersion: true },
    });
    await also?.(tx);
    const sessions = store.inDatabase
      ? await store.deleteForUser(userId, keep.session, tx)
      : outside;
    const families = await revokeAllFamilies(tx, userId, reason, context, keep.family);
    const oauthSessions = await tx.session.deleteMany({
      where: { userId, ...(keep.oauthSession ? { sessionToken: { not: keep.oauthSession } } : {}) },
    });
    // A link started before this can't be completed after it.
    await tx.linkIntent.deleteMany({ where: { userId } });
    const ended = {
      tokenVersion,
      sessions,
      families,
      oauthSessions: oauthSessions.count,
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
          ...event?.detail,
        },
      },
      tx,
    );
    return ended;
  });
}
