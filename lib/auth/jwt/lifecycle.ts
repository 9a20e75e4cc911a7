import "server-only";
import { compactVerify } from "jose";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { type AccessClaims, issueAccessToken } from "./access-token";
import { accessTtlFor, jwtSettings, MAX_TOKEN_LENGTH, SIGNING_ALGORITHM } from "./config";
import { verificationKey } from "./keys";
import { revokeAllFamilies, revokeFamily, startFamily } from "./refresh";
import { denyAccessToken } from "./revocation";

// Issuing a pair at sign-in and ending it at sign-out, for both transports.

export type TokenPair = {
  accessToken: string;
  refreshToken: string;
  claims: AccessClaims;
  familyExpiresAt: Date;
};

export async function issueTokenPair(
  user: { id: string; tokenVersion: number },
  context: RequestContext,
): Promise<TokenPair> {
  const { refreshToken, familyId, expiresAt } = await startFamily(user.id, context);
  const { token, claims } = await issueAccessToken({
    userId: user.id,
    familyId,
    tokenVersion: user.tokenVersion,
  });
  await recordEvent({
    type: "token.issued",
    strategy: "jwt",
    userId: user.id,
    context,
    detail: { family: familyId.slice(0, 8), jti: claims.jti.slice(0, 8) },
  });
  return { accessToken: token, refreshToken, claims, familyExpiresAt: expiresAt };
}

/** The response body of the token and refresh endpoints (RFC 6749 §5.1 names). */
export function tokenResponse(
  accessToken: string,
  refreshToken: string,
  expiresIn = jwtSettings().accessTtlSeconds,
) {
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: expiresIn,
  } as const;
}

const signedClaims = z.object({
  sub: z.string(),
  fam: z.string(),
  jti: z.string(),
  exp: z.number(),
});

/**
 * Signing out must work with an expired access token too, so this checks the signature (it is
 * ours) but not the expiry, then revokes the family and denylists the token until its exp.
 */
export async function signOutWithAccessToken(
  token: string,
  context: RequestContext,
): Promise<boolean> {
  if (token.length > MAX_TOKEN_LENGTH) return false;
  let claims: z.infer<typeof signedClaims>;
  try {
    const { payload } = await compactVerify(token, verificationKey, {
      algorithms: [SIGNING_ALGORITHM],
    });
    claims = signedClaims.parse(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    return false;
  }
  await denyAccessToken(claims);
  await revokeFamily(claims.fam, claims.sub, "logout", context);
  await recordEvent({
    type: "logout",
    strategy: "jwt",
    userId: claims.sub,
    context,
    detail: { jti: claims.jti.slice(0, 8) },
  });
  return true;
}

/** "Sign out everywhere": every family revoked, and every access token dead at once in the checked verifier. */
export async function signOutEverywhere(userId: string, context: RequestContext): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
  await revokeAllFamilies(userId, "signed_out_everywhere", context);
}

/**
 * The lab's expiry experiment: from now on this family's access tokens live `seconds` (never more
 * than configured), and the presented token is swapped for a short one at once and denylisted.
 * The new token never outlives the one it replaces nor the family, so calling this again and
 * again can't keep a copied token alive. (Other live tokens of the family, and what a stateless
 * verifier accepts, are untouched: they simply run out.)
 */
export async function shortenAccessLifetime(
  claims: AccessClaims,
  seconds: number,
): Promise<{ token: string; claims: AccessClaims; familyExpiresAt: Date } | null> {
  const db = getDb();
  const now = new Date();
  const live = { id: claims.fam, userId: claims.sub, revokedAt: null, expiresAt: { gt: now } };
  const family = await db.refreshFamily.findFirst({
    where: live,
    select: { expiresAt: true, accessTtlSeconds: true },
  });
  if (!family) return null;
  const ttl = accessTtlFor(Math.min(seconds, family.accessTtlSeconds ?? Infinity));
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const tokenSeconds = Math.min(
    ttl,
    claims.exp - nowSeconds,
    Math.floor(family.expiresAt.getTime() / 1000) - nowSeconds,
  );
  if (tokenSeconds <= 0) return null;
  // Conditional, so a sign-out that lands between the read and here still wins.
  const { count } = await db.refreshFamily.updateMany({
    where: live,
    data: { accessTtlSeconds: ttl },
  });
  if (count === 0) return null;
  const issued = await issueAccessToken(
    { userId: claims.sub, familyId: claims.fam, tokenVersion: claims.ver },
    tokenSeconds,
  );
  await denyAccessToken(claims);
  await recordEvent({
    type: "lifetime.shortened",
    strategy: "jwt",
    userId: claims.sub,
    detail: { family: claims.fam.slice(0, 8), accessTtlSeconds: ttl },
  });
  return { ...issued, familyExpiresAt: family.expiresAt };
}
