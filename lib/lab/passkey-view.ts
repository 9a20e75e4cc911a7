import "server-only";
import { type Flags, flagsOf } from "@/lib/auth/passkey/authenticator-data";
import { passkeyRowsOf } from "@/lib/auth/passkey/passkeys";
import { peekSession } from "@/lib/auth/session/guard";
import { strategies } from "@/lib/auth/strategies";

// The lab's passkey column: for whoever this browser is signed in as (under any strategy), what
// the passkey table holds, each public value cut short; and whether the session cookie this
// browser holds was made by a passkey sign-in. Peeks only: showing it uses nothing.

export type PasskeyRowView = {
  name: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  aaguid: string;
  /** The authenticator data's flags as last seen: at registration, then at each sign-in. */
  flags: Flags;
  transports: string[];
  lastUsedAt: string | null;
};

export type PasskeyColumn =
  | { signedIn: false }
  | { signedIn: true; email: string; sessionByPasskey: boolean; passkeys: PasskeyRowView[] };

const cut = (text: string, keep: number) =>
  text.length <= keep ? text : `${text.slice(0, keep)}…(${text.length} chars)`;

export async function passkeyColumn(): Promise<PasskeyColumn> {
  const users = await Promise.all(strategies.map((s) => s.peekUser()));
  const user = users.find((candidate) => candidate !== null);
  if (!user) return { signedIn: false };
  const { session } = await peekSession();
  const rows = await passkeyRowsOf(user.id);
  return {
    signedIn: true,
    email: user.email,
    sessionByPasskey: session?.authMethod === "passkey",
    passkeys: rows.map((row) => ({
      name: row.name,
      credentialId: cut(row.credentialId, 12),
      publicKey: cut(Buffer.from(row.publicKey).toString("base64url"), 16),
      counter: row.counter,
      aaguid: row.aaguid,
      flags: flagsOf(row.flags),
      transports: row.transports,
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    })),
  };
}
