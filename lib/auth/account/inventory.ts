import "server-only";
import { getDb } from "@/lib/db";
import { listTrustedDevices } from "../device";
import { type LinkedAccount, listLinkedAccounts } from "../oauth/accounts";
import { listOAuthSessions, type OAuthSessionView } from "../oauth/sessions";
import { passkeysOf, type PasskeyView } from "../passkey/passkeys";
import { type ProofMethod, proofMethodOf } from "../proof";
import { describeDevice, type DeviceView, listDevices } from "../session/devices";
import type { SignedInBrowser } from "./this-browser";

// Every credential of one person, of every strategy, as the account page lists them: each one
// names the proof it came from and can be ended; linked providers say when, how and from which
// credential they were linked, and whether that was after the last time the password was typed.

export type FamilyRow = {
  id: string;
  handle: string;
  createdAt: string;
  lastUsedAt: string;
  method: ProofMethod;
  exchangedFrom: string | null;
  device: string;
  current: boolean;
};
export type TrustedDeviceRow = {
  handle: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
};
export type LinkedRow = LinkedAccount & {
  /** Linked since the password was last typed (a sign-in, a re-proof, a change): worth a look. */
  sinceLastPasswordProof: boolean;
};

export type Inventory = {
  sessions: DeviceView[];
  families: FamilyRow[];
  oauthSessions: OAuthSessionView[];
  accounts: LinkedRow[];
  devices: TrustedDeviceRow[];
  passkeys: PasskeyView[];
  lastPasswordProof: string | null;
};

const PASSWORD_PROOF_EVENTS = ["login.success", "password.changed", "account.reproved", "register"];

async function lastPasswordProof(userId: string): Promise<Date | null> {
  const events = await getDb().authEvent.findMany({
    where: { userId, type: { in: PASSWORD_PROOF_EVENTS } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { type: true, strategy: true, detail: true, createdAt: true },
  });
  const typed = events.find((event) => {
    if (event.type === "account.reproved") return event.detail.includes('"method":"password"');
    return event.strategy === "session" || event.strategy === "jwt" || event.strategy === "account";
  });
  return typed?.createdAt ?? null;
}

async function liveFamilies(userId: string, current: string | undefined): Promise<FamilyRow[]> {
  const now = new Date();
  const rows = await getDb().refreshFamily.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastUsedAt: "desc" },
    take: 50,
    select: {
      id: true,
      createdAt: true,
      lastUsedAt: true,
      authMethod: true,
      exchangedFrom: true,
      userAgent: true,
      epoch: true,
      user: { select: { epoch: true } },
    },
  });
  return rows
    .filter((row) => row.epoch === row.user.epoch)
    .map((row) => ({
      id: row.id,
      handle: row.id.slice(-8),
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt.toISOString(),
      method: proofMethodOf(row.authMethod),
      exchangedFrom: row.exchangedFrom,
      device: describeDevice(row.userAgent),
      current: row.id === current,
    }));
}

export async function inventoryOf(browser: SignedInBrowser): Promise<Inventory> {
  const userId = browser.user.id;
  const [sessions, families, oauthSessions, accounts, devices, passkeys, passwordAt, epoch] =
    await Promise.all([
      listDevices(userId, browser.held.session?.id ?? ""),
      liveFamilies(userId, browser.held.family?.id),
      listOAuthSessions(userId),
      listLinkedAccounts(userId),
      listTrustedDevices(userId),
      passkeysOf(userId),
      lastPasswordProof(userId),
      getDb().user.findUnique({ where: { id: userId }, select: { epoch: true } }),
    ]);
  return {
    sessions,
    families,
    oauthSessions,
    accounts: accounts.map((account) => ({
      ...account,
      sinceLastPasswordProof:
        account.linkedVia === "link" &&
        (passwordAt === null || new Date(account.linkedAt) > passwordAt),
    })),
    devices: devices
      .filter((device) => device.epoch === epoch?.epoch)
      .map((device) => ({
        handle: device.id.slice(0, 16),
        device: describeDevice(device.userAgent),
        ip: device.ip,
        createdAt: device.createdAt.toISOString(),
        lastUsedAt: device.lastUsedAt.toISOString(),
        current: device.id === browser.device,
      })),
    passkeys,
    lastPasswordProof: passwordAt?.toISOString() ?? null,
  };
}
