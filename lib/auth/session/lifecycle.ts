import "server-only";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { hashToken } from "../tokens";
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from "./cookie";
import { sealToken, unsealToken } from "./seal";
import {
  createSession,
  invalidateUserSessions,
  type SessionRecord,
  shortenIdleTimeout,
} from "./store";
import { getDb } from "@/lib/db";

// Starting and ending a session in the browser: the store plus the cookie.

/** After a successful credential check. Any session the browser already had is ended first. */
export async function startSession(
  userId: string,
  context: RequestContext,
): Promise<SessionRecord> {
  await endBrowserSession(); // no fixation: a cookie from before sign-in never carries over
  const { token, session } = await createSession(userId, context);
  await setSessionCookie(await sealToken(token), session.absoluteExpiresAt);
  return session;
}

/** Deletes the row behind this browser's cookie (whoever it belonged to) and the cookie. */
async function endBrowserSession(): Promise<{ userId: string } | null> {
  const seal = await readSessionCookie();
  const token = seal ? await unsealToken(seal) : null;
  let ended: { userId: string } | null = null;
  if (token) {
    const id = hashToken(token);
    const row = await getDb().cookieSession.findUnique({ where: { id }, select: { userId: true } });
    const { count } = await getDb().cookieSession.deleteMany({ where: { id } });
    if (row && count > 0) ended = row;
  }
  if (seal !== undefined) await deleteSessionCookie();
  return ended;
}

export async function signOutSession(context: RequestContext): Promise<void> {
  const ended = await endBrowserSession();
  if (ended)
    await recordEvent({ type: "logout", strategy: "session", userId: ended.userId, context });
}

/** "Sign out everywhere (else)": every other session, or all of them including this browser's. */
export async function revokeAllSessions(
  userId: string,
  current: SessionRecord,
  scope: "others" | "all",
  context: RequestContext,
): Promise<number> {
  const count = await invalidateUserSessions(userId, scope === "others" ? current.id : undefined);
  if (scope === "all") await deleteSessionCookie();
  await recordEvent({
    type: "session.revoked",
    strategy: "session",
    userId,
    context,
    detail: { scope, count },
  });
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
      detail: { idleTimeoutSeconds: updated.idleTimeoutSeconds },
    });
  return updated;
}
