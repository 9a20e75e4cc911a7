import "server-only";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/names";
import { getDb, transaction, type Tx } from "@/lib/db";
import { isHttps } from "@/lib/env";
import type { RequestContext } from "@/lib/request-context";
import { generateToken, hashToken } from "./tokens";

// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that
// signed in to an account with its password carries a random token; the TrustedDevice row holds
// its SHA-256, the person and the credential epoch. Its sign-in attempts are throttled on their
// own allowance, so an attacker hammering the account can slow guessing but never lock the owner
// out. A row made under an older epoch (before a password change) counts for nothing, a person has
// at most MAX_DEVICES (the least recently used goes first), and each is listed and revocable.

const LIFETIME_SECONDS = 365 * 24 * 60 * 60;
export const MAX_DEVICES = 10;

/** This browser's device token, as sent (shape-checked only: the sign-in read checks the rest). */
export async function readDeviceToken(): Promise<string | null> {
  const value = (await cookies()).get(cookieNames(isHttps()).device)?.value ?? "";
  return /^[\w-]{43}$/.test(value) ? value : null;
}

export const deviceId = (token: string) => hashToken(token);

/**
 * After a password sign-in: a device this person already trusts (same epoch) is touched, any other
 * browser gets a new device row and cookie. The person's oldest devices beyond the cap go.
 */
export async function rememberDevice(
  user: { id: string; epoch: number },
  trusted: string | null,
  context: RequestContext,
): Promise<void> {
  const db = getDb();
  if (trusted) {
    await db.trustedDevice.updateMany({
      where: { id: trusted, userId: user.id },
      data: { lastUsedAt: new Date() },
    });
    return;
  }
  const token = generateToken();
  await transaction(async (tx) => {
    await tx.trustedDevice.create({
      data: {
        id: deviceId(token),
        userId: user.id,
        epoch: user.epoch,
        userAgent: context.userAgent,
        ip: context.ip,
      },
    });
    await evictBeyondCap(tx, user.id);
  });
  (await cookies()).set(cookieNames(isHttps()).device, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: "/",
    maxAge: LIFETIME_SECONDS,
  });
}

async function evictBeyondCap(tx: Tx, userId: string) {
  const beyond = await tx.trustedDevice.findMany({
    where: { userId },
    orderBy: { lastUsedAt: "desc" },
    skip: MAX_DEVICES,
    select: { id: true },
  });
  if (beyond.length > 0)
    await tx.trustedDevice.deleteMany({ where: { id: { in: beyond.map((row) => row.id) } } });
}

/** This browser's trusted device, replaced by a new one under `user.epoch` (a new token). */
export async function replaceDevice(
  user: { id: string; epoch: number },
  oldId: string | null,
  context: RequestContext,
): Promise<void> {
  if (oldId) await getDb().trustedDevice.deleteMany({ where: { id: oldId, userId: user.id } });
  await rememberDevice(user, null, context);
}

export type TrustedDeviceView = {
  id: string;
  epoch: number;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  ip: string | null;
};

export function listTrustedDevices(userId: string): Promise<TrustedDeviceView[]> {
  return getDb().trustedDevice.findMany({
    where: { userId },
    orderBy: { lastUsedAt: "desc" },
    select: { id: true, epoch: true, createdAt: true, lastUsedAt: true, userAgent: true, ip: true },
  });
}

/** Forgets the trusted device of this person whose id starts with `handle`; false when none. */
export async function forgetDevice(userId: string, handle: string): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(handle)) return false;
  const { count } = await getDb().trustedDevice.deleteMany({
    where: { userId, id: { startsWith: handle } },
  });
  return count > 0;
}
