import "server-only";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "@auth/core/adapters";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { readRow, toDate, WrongRowError } from "@/lib/sqlite-reads";
import { seal } from "../secret-box";
import { hashToken } from "../tokens";

// Auth.js's Prisma adapter, with the rules the app's own credentials follow:
// - the session token is stored as its SHA-256 (the cookie holds the token, the row its hash),
//   like the session strategy's ids and the JWT strategy's refresh tokens;
// - a session ends at an absolute lifetime, however active (Auth.js alone slides forever);
// - provider tokens are encrypted at rest;
// - the user handed to Auth.js carries no password hash.

export const PROVIDER_TOKEN_PURPOSE = "provider-token";

const USER_FIELDS = {
  id: true,
  email: true,
  emailVerified: true,
  name: true,
  image: true,
} as const;

export function oauthLifetimes() {
  const env = getEnv();
  return {
    /** Sliding: each use (at most once per updateAge) moves the expiry this far ahead. */
    maxAgeSeconds: env.OAUTH_SESSION_MAX_AGE_SECONDS,
    /** The hard end, counted from sign-in. */
    absoluteSeconds: env.OAUTH_SESSION_ABSOLUTE_LIFETIME_SECONDS,
    updateAgeSeconds: env.OAUTH_SESSION_UPDATE_AGE_SECONDS,
  };
}

/** When a session created at `createdAt` must end, whatever its activity. */
export function absoluteEnd(createdAt: Date): Date {
  return new Date(createdAt.getTime() + oauthLifetimes().absoluteSeconds * 1000);
}

type TokenColumns = Pick<
  AdapterAccount,
  "access_token" | "refresh_token" | "id_token" | "expires_at" | "scope" | "token_type"
>;

/** An account's token columns as stored: the provider's tokens encrypted, the rest as given. */
export function sealedTokenColumns(account: TokenColumns) {
  const sealed = (value: string | undefined) =>
    typeof value === "string" ? seal(value, PROVIDER_TOKEN_PURPOSE) : null;
  return {
    access_token: sealed(account.access_token),
    refresh_token: sealed(account.refresh_token),
    id_token: sealed(account.id_token),
    expires_at: account.expires_at ?? null,
    scope: account.scope ?? null,
    token_type: account.token_type ?? null,
  };
}

/** Only the columns the Account table has: a provider may return more fields than it keeps. */
function accountRow(account: AdapterAccount) {
  return {
    userId: account.userId,
    type: account.type,
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    ...sealedTokenColumns(account),
    session_state: typeof account.session_state === "string" ? account.session_state : null,
  };
}

const FIND_SESSION_SQL = `
  SELECT s."sessionToken", s."userId", s."expires", s."createdAt",
         u."id", u."email", u."emailVerified", u."name", u."image"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."sessionToken" = ?`;

/** The session row and its person, read now: one query on the read-only connection, else Prisma. */
async function sessionRow(hash: string) {
  const direct = await readRow(FIND_SESSION_SQL, hash);
  if (direct === undefined) return null;
  if (direct !== null && direct.sessionToken !== hash) throw new WrongRowError();
  if (direct !== null)
    return {
      userId: direct.userId as string,
      expires: toDate(direct.expires),
      createdAt: toDate(direct.createdAt),
      user: {
        id: direct.id as string,
        email: direct.email as string,
        emailVerified: direct.emailVerified === null ? null : toDate(direct.emailVerified),
        name: (direct.name as string | null) ?? null,
        image: (direct.image as string | null) ?? null,
      },
    };
  return getDb().session.findUnique({
    where: { sessionToken: hash },
    select: { userId: true, expires: true, createdAt: true, user: { select: USER_FIELDS } },
  });
}

/**
 * The session behind a cookie's token and its person, or null when there is none or it has ended
 * (idle or absolute). Never writes: the guard's peek uses it as is.
 */
export async function findOAuthSession(
  sessionToken: string,
): Promise<{ session: AdapterSession & { createdAt: Date }; user: AdapterUser } | null> {
  const row = await sessionRow(hashToken(sessionToken));
  if (!row) return null;
  const now = Date.now();
  if (row.expires.getTime() <= now || absoluteEnd(row.createdAt).getTime() <= now) return null;
  return {
    session: { sessionToken, userId: row.userId, expires: row.expires, createdAt: row.createdAt },
    user: row.user as AdapterUser,
  };
}

/** An ended session's row, deleted now rather than at the next purge (a live one is kept). */
export async function deleteEndedOAuthSession(sessionToken: string): Promise<void> {
  const now = Date.now();
  await getDb().session.deleteMany({
    where: {
      sessionToken: hashToken(sessionToken),
      OR: [
        { expires: { lte: new Date(now) } },
        { createdAt: { lte: new Date(now - oauthLifetimes().absoluteSeconds * 1000) } },
      ],
    },
  });
}

/** Moves a session's expiry to `expires` (sliding), never past its absolute end. */
export async function slideOAuthSession(
  sessionToken: string,
  expires: Date | undefined,
): Promise<AdapterSession | null> {
  const db = getDb();
  const hash = hashToken(sessionToken);
  const row = await db.session.findUnique({
    where: { sessionToken: hash },
    select: { userId: true, createdAt: true, expires: true },
  });
  if (!row) return null;
  // Sliding, but never past the absolute end.
  const capped = new Date(
    Math.min((expires ?? row.expires).getTime(), absoluteEnd(row.createdAt).getTime()),
  );
  const { count } = await db.session.updateMany({
    where: { sessionToken: hash },
    data: { expires: capped },
  });
  // Ended in between (a sign-out racing this request): nothing slid, and no cookie should say so.
  if (count === 0) return null;
  return { sessionToken, userId: row.userId, expires: capped };
}

export function authLabAdapter(): Adapter {
  const db = getDb();
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    getUser: async (id) =>
      (await db.user.findUnique({ where: { id }, select: USER_FIELDS })) as AdapterUser | null,
    getUserByEmail: async (email) =>
      (await db.user.findUnique({ where: { email }, select: USER_FIELDS })) as AdapterUser | null,
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: USER_FIELDS } },
      });
      return (account?.user as AdapterUser | undefined) ?? null;
    },
    async linkAccount(account) {
      await db.account.create({ data: accountRow(account) });
    },
    async createSession({ sessionToken, userId, expires }) {
      await db.session.create({ data: { sessionToken: hashToken(sessionToken), userId, expires } });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const found = await findOAuthSession(sessionToken);
      if (found) return found;
      await deleteEndedOAuthSession(sessionToken);
      return null;
    },
    async updateSession({ sessionToken, expires }) {
      return slideOAuthSession(sessionToken, expires);
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken: hashToken(sessionToken) } });
    },
  };
}
