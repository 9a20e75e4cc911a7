import "server-only";
import type { User } from "@/lib/auth/user";
import type { RequestContext } from "@/lib/request-context";
import { sessionStore } from "@/lib/store/sessions";
import { recordEvent } from "../events";
import { sessionLifetimes } from "./config";
import type { Provenance } from "../proof";
import { hashToken } from "../tokens";
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from "./cookie";
import { sealToken, unsealToken } from "./seal";
import {
  createSession,
  endSession,
  type SessionRecord,
  restoreIdleTimeout,
  sessionHandle,
  shortenIdleTimeout,
  withSessionStore,
} from "./store";

// Starting and ending a session in the browser: the store plus the cookie. Every ending is one
// transaction with its log line.

/** After a successful proof. Any session the browser already had is ended first. */
export async function startSession(
  user: User,
  provenance: Provenance,
  context: RequestContext,
): Promise<SessionRecord> {
  await signOutSession(context); // no fixation: a cookie from before sign-in never carries over
  const { token, session } = await createSession(user, provenance, context);
  await setSessionCookie(await sealToken(token), session.absoluteExpiresAt);
  return session;
}

/**
 * This browser's session, replaced by a new one (a new token, a new id) carrying `provenance`:
 * after a re-proof or a kill switch that keeps the person signed in here, a copy of the old cookie
 * is dead. `oldId` is ended if it still lives.
 */
export async function replaceSession(
  user: User,
  oldId: string | null,
  provenance: Provenance,
  context: RequestContext,
): Promise<void> {
  const { token, session } = await createSession(user, provenance, context);
  if (oldId) await sessionStore().delete(oldId);
  await setSessionCookie(await sealToken(token), session.absoluteExpiresAt);
}

/** Deletes the row behind this browser's cookie (whoever it belonged to), and the cookie. */
export async function signOutSession(context: RequestContext): Promise<void> {
  const seal = await readSessionCookie();
  const token = seal ? await unsealToken(seal) : null;
  if (token) await endSession(hashToken(token), { type: "logout", context });
  if (seal !== undefined) await deleteSessionCookie();
}

/** "Sign out everywhere (else)": every other session, or all of them including this browser's. */
export async function revokeAllSessions(
  userId: string,
  current: SessionRecord,
  scope: "others" | "all",
  context: RequestContext,
): Promise<number> {
  const count = await withSessionStore(async (db) => {
    const count = await sessionStore().deleteForUser(
      userId,
      scope === "others" ? current.id : undefined,
      db,
    );
    await recordEvent(
      { type: "session.revoked", strategy: "session", userId, context, detail: { scope, count } },
      db,
    );
    return count;
  });
  if (scope === "all") await deleteSessionCookie();
  return count;
}

/** The lab's expiry experiment, for this browser's session only; the default stays as it is. */
export async function shortenSessionIdleTimeout(
  current: SessionRecord,
  seconds: number,
): Promise<SessionRecord | null> {
  const updated = await shortenIdleTimeout(current, seconds);
  if (updated)
    await recordEvent({
      type: "lifetime.shortened",
      strategy: "session",
      userId: current.userId,
      detail: {
        idleTimeoutSeconds: updated.idleTimeoutSeconds,
        session: sessionHandle(current.id),
      },
    });
  return updated;
}

/** Its undo, for this browser's session only: the configured idle timeout again, from now. */
export async function restoreSessionIdleTimeout(
  current: SessionRecord,
): Promise<SessionRecord | null> {
  const updated = await restoreIdleTimeout(current);
  if (updated)
    await recordEvent({
      type: "lifetime.restored",
      strategy: "session",
      userId: current.userId,
      detail: {
        idleTimeoutSeconds: sessionLifetimes().idleMs / 1000,
        session: sessionHandle(current.id),
      },
    });
  return updated;
}
