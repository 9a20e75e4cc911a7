import "server-only";
import { getDb } from "@/lib/db";
import { issueAccessToken, verifyIgnoringExpiry } from "../jwt/access-token";
import { accessTtlFor } from "../jwt/config";
import { readAccessCookie, setAccessCookie } from "../jwt/cookies";
import { accessLifetime } from "../jwt/refresh";
import { currentOAuthSessionId } from "../oauth/sessions";
import { peekSession } from "../session/guard";
import type { Credentials } from "./revoke-all";

// What this browser holds for one person, under each strategy: the credentials an account-wide
// operation made here (a password change, an unlink) keeps, so the person stays signed in where
// they are while every other browser is signed out.

export async function credentialsOfThisBrowser(userId: string): Promise<Credentials> {
  const [session, accessToken, oauthSession] = await Promise.all([
    peekSession(),
    readAccessCookie(),
    currentOAuthSessionId(userId),
  ]);
  const claims = accessToken ? await verifyIgnoringExpiry(accessToken) : null;
  return {
    ...(session.session && session.user.id === userId ? { session: session.session.id } : {}),
    ...(claims && claims.sub === userId ? { family: claims.fam } : {}),
    ...(oauthSession ? { oauthSession } : {}),
  };
}

/**
 * The account-wide operation bumped tokenVersion, which ends every access token, this browser's
 * too: give its kept family a new one. (Its refresh token still works; this saves a round trip.)
 */
export async function renewKeptAccessToken(
  kept: Credentials,
  userId: string,
  tokenVersion: number,
): Promise<void> {
  if (!kept.family) return;
  const family = await getDb().refreshFamily.findFirst({
    where: { id: kept.family, userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, expiresAt: true, accessTtlSeconds: true },
  });
  if (!family) return;
  const { token } = await issueAccessToken(
    { userId, familyId: family.id, tokenVersion },
    accessLifetime(accessTtlFor(family.accessTtlSeconds), family.expiresAt),
  );
  await setAccessCookie(token, family.expiresAt);
}
