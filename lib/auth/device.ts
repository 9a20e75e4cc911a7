import "server-only";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/names";
import { getDb } from "@/lib/db";
import { isHttps } from "@/lib/env";
import type { RequestContext } from "@/lib/request-context";
import { sqlDate, type Statement, writeTogether } from "@/lib/write-together";
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
 * After a password sign-in: a device this person already trusts was touched by the sign-in's own
 * write (lib/auth/sign-in.ts); any other browser gets a new device row and cookie.
 */
export async function rememberDevice(
  user: { id: string; epoch: number },
  trusted: string | null,
  context: RequestContext,
): Promise<void> {
  if (trusted) return;
  const token = await trustNewDevice(user, context);
  (await cookies()).set(cookieNames(isHttps()).device, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: "/",
    maxAge: LIFETIME_SECONDS,
  });
}

/**
 * A new trusted device of this person under `user.epoch`, and their oldest beyond the cap gone,
 * in one write (one round trip on a network database); its token, for the cookie.
 */
export async function trustNewDevice(
  user: { id: string; epoch: number },
  context: RequestContext,
): Promise<string> {
  const token = generateToken();
  const now = sqlDate(new Date());
  await writeTogether([
    {
      sql: `INSERT INTO "TrustedDevice" ("id", "userId", "epoch", "createdAt", "lastUsedAt", "userAgent", "ip")
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
      args: [deviceId(token), user.id, user.epoch, now, now, context.userAgent, context.ip],
    },
    // The least recently used beyond MAX_DEVICES, the new one counted (LIMIT -1: no limit).
    {
      sql: `DELETE FROM "TrustedDevice" WHERE "id" IN (
        SELECT "id" FROM "TrustedDevice" WHERE "userId" = ?
        ORDER BY "lastUsedAt" DESC LIMIT -1 OFFSET ?)`,
      args: [user.id, MAX_DEVICES],
    },
  ]);
  return token;
}

/** A trusted device used for a sign-in, as a statement for that sign-in's one write. */
export function touchDevice(id: string, userId: string): Statement {
  return {
    sql: `UPDATE "TrustedDevice" SET "lastUsedAt" = ? WHERE "id" = ? AND "userId" = ?`,
    args: [sqlDate(new Date()), id, userId],
  };
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
