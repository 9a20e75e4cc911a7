import "server-only";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { type Ended, endEveryCredential, hasAWayIn } from "../account/revoke-all";
import { recordEvent } from "../events";

// A person's passkeys as the pages show and change them. What is stored is public by nature (a
// credential id, a public key, a counter, the authenticator's flags): the private key never leaves
// the authenticator.

export type PasskeyView = {
  id: string;
  name: string;
  /** The credential id cut short: enough to tell two apart. */
  handle: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** May be synced to the person's other devices (BE), and is (BS). */
  backupEligible: boolean;
  backedUp: boolean;
  counter: number;
  aaguid: string;
  transports: string[];
};

const transportsOf = (stored: string): string[] => {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((item) => typeof item === "string") : [];
};

export async function passkeysOf(userId: string): Promise<PasskeyView[]> {
  const rows = await getDb().passkey.findMany({
    where: { userId },
    // Every one (there are at most PASSKEYS_PER_PERSON), the newest first.
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    handle: `${row.credentialId.slice(0, 10)}…`,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    backupEligible: row.backupEligible,
    backedUp: row.backedUp,
    counter: row.counter,
    aaguid: row.aaguid,
    transports: transportsOf(row.transports),
  }));
}

/** What registration excludes (the authenticator refuses to make a second passkey there). */
export async function credentialsToExclude(userId: string) {
  const rows = await getDb().passkey.findMany({
    where: { userId },
    select: { credentialId: true, transports: true },
  });
  return rows.map((row) => ({ id: row.credentialId, transports: transportsOf(row.transports) }));
}

/** The passkey an assertion names, with its person and their epoch now (read before verifying). */
export async function passkeyForAssertion(credentialId: string) {
  const row = await getDb().passkey.findUnique({
    where: { credentialId },
    select: {
      id: true,
      credentialId: true,
      publicKey: true,
      counter: true,
      transports: true,
      user: { select: { id: true, email: true, name: true, epoch: true } },
    },
  });
  return row && { ...row, transports: transportsOf(row.transports) };
}

export async function renamePasskey(
  userId: string,
  id: string,
  name: string,
  context: RequestContext,
): Promise<boolean> {
  const { count } = await getDb().passkey.updateMany({ where: { id, userId }, data: { name } });
  if (count === 1)
    await recordEvent({
      type: "passkey.renamed",
      strategy: "account",
      userId,
      context,
      detail: { passkey: id },
    });
  return count === 1;
}

export type RemoveResult =
  { ok: true; ended: Ended } | { ok: false; reason: "not_found" | "last_method" };

class Refused extends Error {
  constructor(readonly reason: "not_found" | "last_method") {
    super(reason);
  }
}

/**
 * Removes a passkey and ends every credential of the person, in one transaction, as an unlink
 * does (the caller gives this browser new ones): a session made with that passkey, by the owner
 * or by whoever registered it, must not outlive it, and sessions don't say which passkey made
 * them. The last way to sign in is never removed (checked inside the transaction).
 */
export async function removePasskey(
  userId: string,
  id: string,
  context: RequestContext,
): Promise<RemoveResult> {
  try {
    const ended = await endEveryCredential(userId, {
      reason: "passkey_removed",
      context,
      event: { type: "passkey.removed", strategy: "account", detail: { passkey: id } },
      also: async (tx) => {
        const { count } = await tx.passkey.deleteMany({ where: { id, userId } });
        if (count === 0) throw new Refused("not_found");
        if (!(await hasAWayIn(tx, userId))) throw new Refused("last_method");
      },
    });
    return { ok: true, ended };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/**
 * What the passkey table holds for a person, row by row, as a leak would expose it (the lab's
 * lessons show it): public by nature, so nothing here needs hiding from its owner.
 */
export async function passkeyRowsOf(userId: string) {
  const rows = await getDb().passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: {
      name: true,
      lastUsedAt: true,
      credentialId: true,
      publicKey: true,
      counter: true,
      aaguid: true,
      transports: true,
      backupEligible: true,
      backedUp: true,
      flags: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    publicKey: new Uint8Array(row.publicKey),
    transports: transportsOf(row.transports),
  }));
}
