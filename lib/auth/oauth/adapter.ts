import "server-only";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { readOne, type Row, toDate } from "@/lib/sqlite-reads";
import { type Provenance, proofMethodOf } from "../proof";
import { seal } from "../secret-box";
import { hashToken } from "../tokens";
import { callbackContext } from "./callback-context";

// Auth.js's Prisma adapter, with the rules the app's own credentials follow:
// - the session token is stored as its SHA-256 (the cookie holds the token, the row its hash),
//   like the session strategy's ids and the JWT strategy's refresh tokens;
// - a session ends at an absolute lifetime, however active (Auth.js alone slides forever);
// - provider tokens are encrypted at rest;
// - the user handed to Auth.js carries no password hash;
// - a session carries the person's epoch, read when the callback looked the person up (before
//   anything was made), and the proof the provider's sign-in was: a kill switch since then has
//   ended it, however the two raced.

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
         s."epoch", s."authTime", s."authMethod",
         u."id", u."email", u."emailVerified", u."name", u."image", u."epoch" AS "userEpoch"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."sessionToken" = ?`;

const sessionRow = (row: Row) => ({
  userId: row.userId as string,
  expires: toDate(row.expires),
  createdAt: toDate(row.createdAt),
  provenance: {
    epoch: Number(row.epoch),
    authTime: toDate(row.authTime),
    method: proofMethodOf(row.authMethod),
  } satisfies Provenance,
  userEpoch: Number(row.userEpoch),
  user: {
    id: row.id as string,
    email: row.email as string,
    emailVerified: row.emailVerified === null ? null : toDate(row.emailVerified),
    name: (row.name as string | null) ?? null,
    image: (row.image as string | null) ?? null,
  },
});

export type OAuthSessionFound = {
  session: AdapterSession & { createdAt: Date; provenance: Provenance };
  user: AdapterUser;
};

/**
 * The session behind a cookie's token and its person, read now in one query, or null when there
 * is none or it has ended (idle, absolute, or made under an older epoch). Never writes: the
 * guard's peek uses it as is.
 */
export async function findOAuthSession(sessionToken: string): Promise<OAuthSessionFound | null> {
  const hash = hashToken(sessionToken);
  const row = await readOne(
    FIND_SESSION_SQL,
    [hash],
    { column: "sessionToken", value: hash },
    sessionRow,
  );
  if (!row) return null;
  const now = Date.now();
  if (row.expires.getTime() <= now || absoluteEnd(row.createdAt).getTime() <= now) return null;
  if (row.provenance.epoch < row.userEpoch) return null;
  return {
    session: {
      sessionToken,
      userId: row.userId,
      expires: row.expires,
      createdAt: row.createdAt,
      provenance: row.provenance,
    },
    user: row.user as AdapterUser,
  };
}

/** An ended session's row, deleted now rather than at the next purge (a live one is kept). */
export async function deleteEndedOAuthSession(sessionToken: string): Promise<void> {
  const now = Date.now();
  const sessionTokenHash = hashToken(sessionToken);
  await getDb().session.deleteMany({
    where: {
      sessionToken: sessionTokenHash,
      OR: [
        { expires: { lte: new Date(now) } },
        { createdAt: { lte: new Date(now - oauthLifetimes().absoluteSeconds * 1000) } },
      ],
    },
  });
  // One made under an older epoch (its sign-in raced the kill switch) goes too.
  const stale = await getDb().session.findUnique({
    where: { sessionToken: sessionTokenHash },
    select: { epoch: true, user: { select: { epoch: true } } },
  });
  if (stale && stale.epoch < stale.user.epoch)
    await getDb().session.deleteMany({
      where: { sessionToken: sessionTokenHash, epoch: stale.epoch },
    });
}

/**
 * What a session made by this callback carries: the person's epoch as the callback read it, and
 * the proof the signIn callback recorded (lib/auth/oauth/auth.ts). Outside a callback there is no
 * proof to speak of, and no session is made.
 */
function provenanceOfCallback(userId: string): Provenance {
  const { person, proof } = callbackContext();
  if (!proof || !person || person.id !== userId)
    throw new Error("an Auth.js session can only be made by a provider callback");
  return { epoch: person.epoch, authTime: proof.authTime, method: proof.method };
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
        select: { user: { select: { ...USER_FIELDS, epoch: true } } },
      });
      if (!account) return null;
      const { epoch, ...user } = account.user;
      // The epoch as it is before the sign-in makes anything (Auth.js asks here first).
      const context = callbackContext();
      if (!context.person || context.person.id !== user.id) context.person = { id: user.id, epoch };
      return user as AdapterUser;
    },
    async createUser({ email, name, image, emailVerified }) {
      const user = await db.user.create({
        data: { email, name: name ?? null, image: image ?? null, emailVerified },
        select: USER_FIELDS,
      });
      const context = callbackContext();
      context.person = { id: user.id, epoch: 0 };
      context.created = user.id;
      return user as AdapterUser;
    },
    // Auth.js links a provider account to whoever its own reading of the session cookie names.
    // The app links only through its intents (lib/auth/account/link.ts), so here the only account
    // linked is the first one of a person this very callback made (a sign-up); anything else is
    // refused, whatever the cookie said.
    async linkAccount(account) {
      if (callbackContext().created !== account.userId)
        throw new Error("Refused: providers are linked only through a link intent.");
      await db.account.create({ data: accountRow(account) });
    },
    async createSession({ sessionToken, userId, expires }) {
      const { epoch, authTime, method } = provenanceOfCallback(userId);
      await db.session.create({
        data: {
          sessionToken: hashToken(sessionToken),
          userId,
          expires,
          epoch,
          authTime,
          authMethod: method,
        },
      });
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
