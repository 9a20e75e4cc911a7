import "server-only";
import { getDb } from "@/lib/db";
import { jwtPageState, type DecodedToken } from "@/lib/auth/jwt/current";
import { listFamilies, type FamilyView } from "@/lib/auth/jwt/families";
import {
  listLinkedAccounts,
  listOAuthSessions,
  type LinkedAccount,
  type OAuthSessionView,
} from "@/lib/auth/oauth/accounts";
import { auth } from "@/lib/auth/oauth/auth";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { redact } from "@/lib/auth/tokens";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/cookie-names";
import { isHttps } from "@/lib/env";

// What the server holds for this browser under each strategy, as the lab shows it: rows with
// every hash and token cut to a short prefix. Nothing here can be replayed.

type Person = { name: string | null; email: string };

export type SessionColumn =
  | { signedIn: false }
  | {
      signedIn: true;
      user: Person;
      row: {
        id: string;
        createdAt: string;
        lastSeenAt: string;
        idleExpiresAt: string;
        absoluteExpiresAt: string;
        userAgent: string | null;
        ip: string | null;
      };
      otherSessions: number;
    };

export type JwtColumn =
  | { signedIn: false; expired: boolean }
  | { signedIn: true; user: Person; token: DecodedToken; exp: number; families: FamilyView[] };

export type OAuthColumn =
  | { signedIn: false }
  | {
      signedIn: true;
      user: Person;
      sessions: OAuthSessionView[];
      accounts: (LinkedAccount & { accessTokenPrefix: string | null })[];
    };

export async function sessionColumn(): Promise<SessionColumn> {
  const { session, user } = await getCurrentSession();
  if (!session) return { signedIn: false };
  const row = await getDb().cookieSession.findUnique({
    where: { id: session.id },
    select: { userAgent: true, ip: true },
  });
  const otherSessions = await getDb().cookieSession.count({
    where: { userId: user.id, id: { not: session.id } },
  });
  return {
    signedIn: true,
    user: { name: user.name, email: user.email },
    row: {
      id: redact(session.id),
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      userAgent: row?.userAgent ?? null,
      ip: row?.ip ?? null,
    },
    otherSessions,
  };
}

export async function jwtColumn(): Promise<JwtColumn> {
  const state = await jwtPageState();
  if (state.state !== "signed-in" || !state.user.email)
    return { signedIn: false, expired: state.state === "expired" };
  const families = await listFamilies(state.user.id, 3);
  return {
    signedIn: true,
    user: { name: state.user.name ?? null, email: state.user.email },
    token: state.decoded,
    exp: state.exp,
    families,
  };
}

export async function oauthColumn(): Promise<OAuthColumn> {
  const user = (await auth())?.user;
  if (!user?.id || !user.email) return { signedIn: false };
  const current = (await cookies()).get(cookieNames(isHttps()).oauthSession)?.value;
  const [sessions, accounts, tokens] = await Promise.all([
    listOAuthSessions(user.id, current),
    listLinkedAccounts(user.id),
    getDb().account.findMany({
      where: { userId: user.id },
      select: { provider: true, access_token: true },
    }),
  ]);
  return {
    signedIn: true,
    user: { name: user.name ?? null, email: user.email },
    sessions,
    accounts: accounts.map((account) => {
      const token = tokens.find(
        (candidate) => candidate.provider === account.provider,
      )?.access_token;
      return { ...account, accessTokenPrefix: token ? redact(token) : null };
    }),
  };
}
