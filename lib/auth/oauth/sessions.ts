import "server-only";
import type { User } from "@/lib/auth/user";
import { cache } from "react";
import { getDb, transaction } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { type ProofMethod, type Provenance, proofMethodOf } from "../proof";
import { generateToken, hashToken, redact } from "../tokens";
import {
  absoluteEnd,
  deleteEndedOAuthSession,
  findOAuthSession,
  oauthLifetimes,
  slideOAuthSession,
} from "./adapter";
import { clearOAuthSessionCookie, readOAuthSessionCookie, setOAuthSessionCookie } from "./cookie";

// The OAuth strategy's sessions outside Auth.js's own request handling: who this browser is
// without writing anything (Auth.js's auth() slides the row it reads), the session list, and
// signing out, here or everywhere. Rows are found by the SHA-256 of the cookie's token.

/** Who this browser is signed in as, without a write: for the header and the lab's polling. */
export const peekOAuthUser = cache(async (): Promise<User | null> => {
  const token = await readOAuthSessionCookie();
  const found = token ? await findOAuthSession(token) : null;
  if (!found?.user.email) return null;
  return { id: found.user.id, email: found.user.email, name: found.user.name ?? null };
});

/**
 * A use of the Auth.js session behind `token`, as Auth.js's session action does it for database
 * sessions (@auth/core lib/actions/session.ts): the session and its person in one query; an ended
 * one deleted; the expiry slid to now + maxAge once it is due, i.e. at most once per updateAge.
 * Nothing is cached: a deleted session is refused on the very next request. `slidTo` is the new
 * expiry when it slid, for the caller to give the cookie too (Auth.js does the same).
 */
export async function authenticateOAuthSession(token: string): Promise<{
  user: User;
  provenance: Provenance;
  endsAt: Date;
  slidTo: Date | null;
} | null> {
  const found = await findOAuthSession(token);
  if (!found) {
    await deleteEndedOAuthSession(token);
    return null;
  }
  const { maxAgeSeconds, updateAgeSeconds } = oauthLifetimes();
  const updateAgeMs = Math.min(updateAgeSeconds, maxAgeSeconds) * 1000;
  const now = Date.now();
  const slid =
    found.session.expires.getTime() - maxAgeSeconds * 1000 + updateAgeMs <= now
      ? await slideOAuthSession(token, new Date(now + maxAgeSeconds * 1000))
      : null;
  const { user } = found;
  return {
    user: { id: user.id, email: user.email, name: user.name ?? null },
    provenance: found.session.provenance,
    endsAt: absoluteEnd(found.session.createdAt),
    slidTo: slid?.expires ?? null,
  };
}

export type OAuthSessionView = {
  /** Names the row to end it (lib/auth/oauth/sessions.ts: endOAuthSessionByHandle). */
  id: string;
  handle: string;
  createdAt: string;
  expiresAt: string;
  endsAt: string;
  current: boolean;
  /** The provider whose sign-in made it. */
  method: ProofMethod;
};

export async function listOAuthSessions(userId: string): Promise<OAuthSessionView[]> {
  const token = await readOAuthSessionCookie();
  const current = token ? hashToken(token) : null;
  const sessions = await getDb().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: {
      sessionToken: true,
      createdAt: true,
      expires: true,
      epoch: true,
      authMethod: true,
      user: { select: { epoch: true } },
    },
  });
  return (
    sessions
      .filter((session) => absoluteEnd(session.createdAt).getTime() > Date.now())
      // Made under an older epoch (a sign-in that raced the kill switch): ended, whatever the row says.
      .filter((session) => session.epoch === session.user.epoch)
      .map((session) => ({
        id: handleOf(session.sessionToken),
        handle: redact(hashToken(session.sessionToken)),
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expires.toISOString(),
        endsAt: absoluteEnd(session.createdAt).toISOString(),
        current: session.sessionToken === current,
        method: proofMethodOf(session.authMethod),
      }))
  );
}

/** Ends this browser's Auth.js session (row and cookie), whoever it belonged to. */
export async function signOutOAuthHere(context: RequestContext): Promise<void> {
  const token = await readOAuthSessionCookie();
  if (token) {
    const sessionToken = hashToken(token);
    await transaction(async (tx) => {
      const row = await tx.session.findUnique({
        where: { sessionToken },
        select: { userId: true },
      });
      const { count } = await tx.session.deleteMany({ where: { sessionToken } });
      if (row && count > 0)
        await recordEvent({ type: "logout", strategy: "oauth", userId: row.userId, context }, tx);
    });
  }
  if (token !== undefined) await clearOAuthSessionCookie();
}

/** This strategy's "sign out everywhere": every Auth.js session of the person, this one included. */
export async function signOutOAuthEverywhere(
  userId: string,
  context: RequestContext,
): Promise<number> {
  const count = await transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordEvent(
      {
        type: "session.revoked",
        strategy: "oauth",
        userId,
        context,
        detail: { scope: "all", count },
      },
      tx,
    );
    return count;
  });
  await clearOAuthSessionCookie();
  return count;
}

/**
 * This browser's Auth.js session, replaced by a new one (a new token) carrying `provenance`, as
 * the adapter would store it; the old row (its stored id) ends, so a copy of the old cookie is dead.
 */
export async function replaceOAuthSession(
  userId: string,
  oldStoredId: string | null,
  provenance: Provenance,
): Promise<void> {
  const token = generateToken();
  const expires = new Date(Date.now() + oauthLifetimes().maxAgeSeconds * 1000);
  await transaction(async (tx) => {
    await tx.session.create({
      data: {
        sessionToken: hashToken(token),
        userId,
        expires,
        epoch: provenance.epoch,
        authTime: provenance.authTime,
        authMethod: provenance.method,
      },
    });
    if (oldStoredId) await tx.session.deleteMany({ where: { sessionToken: oldStoredId } });
  });
  await setOAuthSessionCookie(token, expires);
}

const handleOf = (storedId: string) => hashToken(storedId).slice(0, 16);

/** Ends the Auth.js session of this person that `handle` names (the account page's). */
export async function endOAuthSessionByHandle(
  userId: string,
  handle: string,
  context: RequestContext,
): Promise<boolean> {
  const rows = await getDb().session.findMany({
    where: { userId },
    select: { sessionToken: true },
  });
  const row = rows.find((candidate) => handleOf(candidate.sessionToken) === handle);
  if (!row) return false;
  await transaction(async (tx) => {
    await tx.session.deleteMany({ where: { sessionToken: row.sessionToken } });
    await recordEvent(
      { type: "session.revoked", strategy: "oauth", userId, context, detail: { scope: "one" } },
      tx,
    );
  });
  return true;
}

/** Ends one Auth.js session by its cookie's token, as Auth.js's own sign-out does (the lab's replay). */
export async function endOAuthSession(sessionToken: string): Promise<void> {
  await getDb().session.deleteMany({ where: { sessionToken: hashToken(sessionToken) } });
}
