import "server-only";
import { getDb, transaction } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { writeTogether } from "@/lib/write-together";
import { eventStatement, recordEvent } from "../events";
import type { Provenance } from "../proof";
import { issueAccessToken, verifyIgnoringExpiry } from "./access-token";
import type { AccessClaims } from "./claims";
import { accessTtlFor, jwtSettings } from "./config";
import { accessLifetime, familyStatements, revokeAllFamilies, revokeFamily } from "./refresh";
import { setTokenCookies } from "./cookies";
import { denyAccessToken } from "./revocation";

// Issuing a pair at sign-in and ending it at sign-out, for both transports. Each is one write,
// all or nothing: the family, its first token and the log line exist together, or none does.

export type TokenPair = {
  accessToken: string;
  refreshToken: string;
  claims: AccessClaims;
  familyId: string;
  familyExpiresAt: Date;
};

/**
 * A new family and its first pair, for the proof in `provenance`: a sign-in's own, or (for a pair
 * exchanged for a sign-in made another way, app/api/jwt/exchange) that sign-in's, never newer.
 * The family, its first refresh token and the log line are one write (one round trip on a network
 * database); the access token is signed before it and handed out only once it has landed.
 */
export async function issueTokenPair(
  userId: string,
  provenance: Provenance,
  context: RequestContext,
  {
    exchangedFrom = null,
    notAfter,
  }: {
    exchangedFrom?: "session" | "oauth" | null;
    /** The family ends by then at the latest (an exchange: when the source credential ends). */
    notAfter?: Date;
  } = {},
): Promise<TokenPair> {
  const { refreshToken, familyId, expiresAt, statements } = familyStatements(
    userId,
    provenance,
    context,
    exchangedFrom,
    notAfter,
  );
  // A family this new has no lab key (the lab rotates only a family that exists): the configured
  // key signs, without looking one up.
  const { token, claims } = await issueAccessToken(
    { userId, familyId, epoch: provenance.epoch, authTime: provenance.authTime },
    accessLifetime(jwtSettings().accessTtlSeconds, expiresAt),
    undefined,
    { configuredKey: true },
  );
  await writeTogether([
    ...statements,
    eventStatement({
      type: "token.issued",
      strategy: "jwt",
      userId,
      context,
      detail: {
        family: familyId.slice(0, 8),
        proof: provenance.method,
        jti: claims.jti.slice(0, 8),
        ...(exchangedFrom ? { exchangedFrom } : {}),
      },
    }),
  ]);
  return { accessToken: token, refreshToken, claims, familyId, familyExpiresAt: expiresAt };
}

/**
 * This browser's JWT sign-in, replaced by a new family carrying `provenance`, in its cookies; the
 * old family (if it still lives) ends, so a copy of its refresh or access token is dead.
 */
export async function replaceFamily(
  userId: string,
  oldFamily: string | null,
  provenance: Provenance,
  context: RequestContext,
): Promise<void> {
  const pair = await issueTokenPair(userId, provenance, context);
  if (oldFamily) await revokeFamily(oldFamily, userId, "replaced", context);
  await setTokenCookies(pair.accessToken, pair.refreshToken, pair.familyExpiresAt);
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

/**
 * Signing out must work with an expired access token too, so this checks the signature and
 * claims (it is ours, for our API) but not the expiry, then revokes the family and denylists the
 * token until its exp, in one transaction.
 */
export async function signOutWithAccessToken(
  token: string,
  context: RequestContext,
): Promise<boolean> {
  const claims = await verifyIgnoringExpiry(token);
  if (!claims) return false;
  await transaction(async (tx) => {
    await denyAccessToken(claims, tx);
    await revokeFamily(claims.fam, claims.sub, "logout", context, tx);
    await recordEvent(
      {
        type: "logout",
        strategy: "jwt",
        userId: claims.sub,
        context,
        detail: { jti: claims.jti.slice(0, 8) },
      },
      tx,
    );
  });
  return true;
}

/**
 * Who a token belongs to, for "sign out everywhere": a valid token, or one that just expired as
 * long as its family is still live (its holder could refresh it anyway). Never for access.
 */
export async function ownerForSignOut(token: string): Promise<string | null> {
  const claims = await verifyIgnoringExpiry(token);
  if (!claims) return null;
  const now = new Date();
  const family = await getDb().refreshFamily.findFirst({
    where: { id: claims.fam, userId: claims.sub, revokedAt: null, expiresAt: { gt: now } },
    select: { user: { select: { epoch: true } } },
  });
  return family && family.user.epoch === claims.ver ? claims.sub : null;
}

/**
 * This strategy's "sign out everywhere": every family revoked in one transaction, and with them
 * every access token in the checked verifier (which reads the family). The epoch stays: the
 * person's other strategies are not this strategy's to end.
 */
export async function signOutEverywhere(userId: string, context: RequestContext): Promise<number> {
  return transaction((tx) => revokeAllFamilies(tx, userId, "signed_out_everywhere", context));
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
  const now = new Date();
  const live = { id: claims.fam, userId: claims.sub, revokedAt: null, expiresAt: { gt: now } };
  return transaction(async (tx) => {
    const family = await tx.refreshFamily.findFirst({
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
    await tx.refreshFamily.update({ where: { id: claims.fam }, data: { accessTtlSeconds: ttl } });
    const issued = await issueAccessToken(
      {
        userId: claims.sub,
        familyId: claims.fam,
        epoch: claims.ver,
        authTime: new Date(claims.auth_time * 1000),
      },
      tokenSeconds,
      undefined,
      { db: tx },
    );
    await denyAccessToken(claims, tx);
    await recordEvent(
      {
        type: "lifetime.shortened",
        strategy: "jwt",
        userId: claims.sub,
        detail: { family: claims.fam.slice(0, 8), accessTtlSeconds: ttl },
      },
      tx,
    );
    return { ...issued, familyExpiresAt: family.expiresAt };
  });
}

/**
 * Its undo: this family's access tokens get the configured lifetime again, from the next refresh
 * on. The token in hand is not swapped for a longer one: an access token alone must never buy a
 * longer-lived one (a copied token would), so the refresh token, as always, is what renews it.
 * False when the family is no longer live.
 */
export async function restoreAccessLifetime(claims: AccessClaims): Promise<boolean> {
  const live = {
    id: claims.fam,
    userId: claims.sub,
    revokedAt: null,
    expiresAt: { gt: new Date() },
  };
  return transaction(async (tx) => {
    const { count } = await tx.refreshFamily.updateMany({
      where: live,
      data: { accessTtlSeconds: null },
    });
    if (count === 0) return false;
    await recordEvent(
      {
        type: "lifetime.restored",
        strategy: "jwt",
        userId: claims.sub,
        detail: { family: claims.fam.slice(0, 8), accessTtlSeconds: accessTtlFor(null) },
      },
      tx,
    );
    return true;
  });
}
