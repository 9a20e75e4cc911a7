import "server-only";
import type { User } from "@/lib/auth/user";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { readDeviceToken, deviceId } from "../device";
import { issueAccessToken, verifyIgnoringExpiry } from "../jwt/access-token";
import { accessTtlFor } from "../jwt/config";
import { readAccessCookie, setAccessCookie } from "../jwt/cookies";
import { getCurrentJwt } from "../jwt/guard";
import { checkNotRevoked } from "../jwt/revocation";
import { accessLifetime } from "../jwt/refresh";
import { findOAuthSession } from "../oauth/adapter";
import { readOAuthSessionCookie } from "../oauth/cookie";
import type { Provenance } from "../proof";
import { getCurrentSession } from "../session/guard";
import { hashToken } from "../tokens";

// What this browser holds, under every strategy, for the one person it is signed in as: each
// credential's id and the proof it came from. The freshest of those proofs is this browser's
// proof (lib/auth/account/recent-proof.ts); the ids are what an account-wide operation made here
// keeps, so the person stays signed in where they are while every other browser is signed out.

/** The ids of what a browser holds, by role. */
export type Credentials = {
  /** A server session's id (the SHA-256 of its token). */
  session?: string;
  /** A JWT refresh family's id. */
  family?: string;
  /** An Auth.js session's stored id (the SHA-256 of its token). */
  oauthSession?: string;
  /** A trusted device's id (the SHA-256 of its cookie's token). */
  device?: string;
};
export type HeldCredential = { id: string; provenance: Provenance };

export type ThisBrowser =
  | { state: "signed-out" }
  /** Two credentials naming two different people: refused rather than guessed at. */
  | { state: "two-people" }
  | {
      state: "signed-in";
      user: User;
      held: { session?: HeldCredential; family?: HeldCredential; oauthSession?: HeldCredential };
      /** This browser's trusted device of this person, as an id. */
      device?: string;
      /** The freshest proof among the credentials held. */
      proof: Provenance;
    };

/**
 * The JWT sign-in this browser holds: its access token as the checked verifier sees it, or, once
 * that has just expired, the same token's family if it is still live (the refresh cookie would
 * renew it in a moment; signing out everywhere must not wait for that).
 */
async function jwtHeld(): Promise<{ user: User; held: HeldCredential } | null> {
  const jwt = await getCurrentJwt();
  if (jwt.ok && jwt.user.email)
    return {
      user: { id: jwt.user.id, email: jwt.user.email, name: jwt.user.name },
      held: { id: jwt.claims.fam, provenance: jwt.user.provenance },
    };
  if (jwt.ok || jwt.reason !== "expired") return null;
  const token = await readAccessCookie();
  const claims = token ? await verifyIgnoringExpiry(token) : null;
  const live = claims ? await checkNotRevoked(claims) : null;
  if (!claims || !live?.ok) return null;
  return { user: live.user, held: { id: claims.fam, provenance: live.user.provenance } };
}

async function oauthHeld(): Promise<{ user: User; held: HeldCredential } | null> {
  const token = await readOAuthSessionCookie();
  const found = token ? await findOAuthSession(token) : null;
  if (!token || !found?.user.email) return null;
  const { user } = found;
  return {
    user: { id: user.id, email: user.email, name: user.name ?? null },
    held: { id: hashToken(token), provenance: found.session.provenance },
  };
}

/** Once per request: every guard is asked once, each in the one read it always makes. */
export const thisBrowser = cache(async (): Promise<ThisBrowser> => {
  const [session, jwt, oauth, device] = await Promise.all([
    getCurrentSession(),
    jwtHeld(),
    oauthHeld(),
    readDeviceToken(),
  ]);
  const found: {
    user: User;
    held: HeldCredential;
    role: "session" | "family" | "oauthSession";
  }[] = [];
  if (session.session) {
    const { id, epoch, authTime, authMethod } = session.session;
    found.push({
      user: session.user,
      role: "session",
      held: { id, provenance: { epoch, authTime, method: authMethod } },
    });
  }
  if (jwt) found.push({ ...jwt, role: "family" });
  if (oauth) found.push({ ...oauth, role: "oauthSession" });

  const [first] = found;
  if (!first) return { state: "signed-out" };
  if (found.some((entry) => entry.user.id !== first.user.id)) return { state: "two-people" };
  const held = Object.fromEntries(found.map((entry) => [entry.role, entry.held]));
  const proof = found
    .map((entry) => entry.held.provenance)
    .reduce((a, b) => (b.authTime > a.authTime ? b : a));
  const trusted = device ? await trustedDeviceOf(first.user.id, deviceId(device)) : null;
  return {
    state: "signed-in",
    user: first.user,
    held,
    ...(trusted ? { device: trusted } : {}),
    proof,
  };
});

/** The device id, if it is one of this person's trusted devices. */
async function trustedDeviceOf(userId: string, id: string): Promise<string | null> {
  const row = await getDb().trustedDevice.findFirst({
    where: { id, userId },
    select: { id: true },
  });
  return row?.id ?? null;
}

export type SignedInBrowser = Extract<ThisBrowser, { state: "signed-in" }>;

const ROLE_STRATEGY = { session: "session", family: "jwt", oauthSession: "oauth" } as const;

/** Which strategy's credential carries this browser's freshest proof (a link records it). */
export function strategyOfProof(browser: SignedInBrowser): "session" | "jwt" | "oauth" {
  const roles = Object.keys(ROLE_STRATEGY) as (keyof typeof ROLE_STRATEGY)[];
  const role = roles.find((key) => browser.held[key]?.provenance === browser.proof) ?? "session";
  return ROLE_STRATEGY[role];
}

/** The ids of what this browser holds: which of the person's credentials are this browser's. */
export function idsOf(browser: SignedInBrowser): Credentials {
  const { held, device } = browser;
  return {
    ...(held.session ? { session: held.session.id } : {}),
    ...(held.family ? { family: held.family.id } : {}),
    ...(held.oauthSession ? { oauthSession: held.oauthSession.id } : {}),
    ...(device ? { device } : {}),
  };
}

/**
 * A new access token for this browser's family, carrying the family's epoch and proof (after the
 * lab changed the key the family signs with, say): the one in its cookie no longer verifies.
 */
export async function renewAccessToken(familyId: string, userId: string): Promise<void> {
  const family = await getDb().refreshFamily.findFirst({
    where: { id: familyId, userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, expiresAt: true, accessTtlSeconds: true, epoch: true, authTime: true },
  });
  if (!family) return;
  const { token } = await issueAccessToken(
    { userId, familyId: family.id, epoch: family.epoch, authTime: family.authTime },
    accessLifetime(accessTtlFor(family.accessTtlSeconds), family.expiresAt),
  );
  await setAccessCookie(token, family.expiresAt);
}
