import "server-only";
import { jwtPageState } from "@/lib/auth/jwt/current";
import type { TokenView } from "@/lib/tokens/anatomy";
import { listFamilies, type FamilyView } from "@/lib/auth/jwt/families";
import { listLinkedAccounts, type LinkedAccount } from "@/lib/auth/oauth/accounts";
import { listOAuthSessions, type OAuthSessionView, peekOAuthUser } from "@/lib/auth/oauth/sessions";
import { peekSession } from "@/lib/auth/session/guard";
import { sessionLifetimes } from "@/lib/auth/session/config";
import { listUserSessions } from "@/lib/auth/session/store";
import { redact } from "@/lib/auth/tokens";

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
        /** The idle timeout this row lives by: the default, or the lab's shorter one. */
        idleTimeoutSeconds: number;
        userAgent: string | null;
        ip: string | null;
      };
      otherSessions: number;
    };

export type JwtColumn =
  | { signedIn: false; expired: boolean }
  | {
      signedIn: true;
      user: Person;
      token: TokenView;
      iat: number;
      exp: number;
      families: FamilyView[];
    };

export type OAuthColumn =
  | { signedIn: false }
  | {
      signedIn: true;
      user: Person;
      sessions: OAuthSessionView[];
      accounts: LinkedAccount[];
    };

/** The lab only looks: rendering it (or re-rendering it after a silent JWT refresh) is no use of the session. */
export async function sessionColumn(): Promise<SessionColumn> {
  const { session, user } = await peekSession();
  if (!session) return { signedIn: false };
  // The session module's own list (live sessions only), rather than its table.
  const sessions = await listUserSessions(user.id);
  const row = sessions.find((candidate) => candidate.id === session.id);
  const otherSessions = sessions.length - (row ? 1 : 0);
  return {
    signedIn: true,
    user: { name: user.name, email: user.email },
    row: {
      id: redact(session.id),
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      idleTimeoutSeconds: sessionLifetimes(session.idleTimeoutSeconds).idleMs / 1000,
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
    token: state.view,
    iat: state.iat,
    exp: state.exp,
    families,
  };
}

export async function oauthColumn(): Promise<OAuthColumn> {
  // Peeks: rendering the lab is no use of the Auth.js session (auth() would slide its row).
  const user = await peekOAuthUser();
  if (!user) return { signedIn: false };
  const [sessions, accounts] = await Promise.all([
    listOAuthSessions(user.id),
    listLinkedAccounts(user.id),
  ]);
  return {
    signedIn: true,
    user: { name: user.name, email: user.email },
    sessions,
    accounts,
  };
}
