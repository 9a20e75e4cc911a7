import Link from "next/link";
import { flagsText } from "@/lib/auth/passkey/authenticator-data";
import type { PasskeyColumn, PasskeyRowView } from "@/lib/lab/passkey-view";
import { Question, Rows } from "./parts";
import { PASSKEY_FLOWS } from "./flows/passkey";
import { SequenceDiagram } from "./sequence-diagram";
import { Time } from "@/app/_components/time";

// Passkeys, the fourth way in, as a full-width row under the three columns (a fourth column is
// too narrow for a public key at desktop width): the same three questions, then the two
// ceremonies' diagrams.

/** What the flags say of where the key lives. */
const kind = ({ BE, BS }: PasskeyRowView["flags"]) =>
  BS ? "synced passkey" : BE ? "may be synced, not backed up yet" : "device-bound";

function PasskeyRows({ passkey }: { passkey: PasskeyRowView }) {
  return (
    <li data-testid="lab-passkey" className="space-y-1">
      <p className="font-medium">{passkey.name}</p>
      <Rows
        rows={[
          ["Credential id", <code key="id">{passkey.credentialId}</code>],
          ["Public key (COSE)", <code key="key">{passkey.publicKey}</code>],
          ["Counter", String(passkey.counter)],
          ["AAGUID", <code key="aaguid">{passkey.aaguid}</code>],
          [
            passkey.lastUsedAt ? "Flags (last sign-in)" : "Flags (registration)",
            `${flagsText(passkey.flags)} (${kind(passkey.flags)})`,
          ],
          ["Transports", passkey.transports.join(", ") || "none reported"],
          [
            "Last used",
            passkey.lastUsedAt ? <Time key="used" value={passkey.lastUsedAt} /> : "never",
          ],
        ]}
      />
    </li>
  );
}

export function PasskeyHolds({ data }: { data: PasskeyColumn }) {
  return (
    <article
      aria-labelledby="lab-passkey"
      className="space-y-3 card"
      data-testid="lab-column-passkey"
    >
      <header className="space-y-1">
        <h2 id="lab-passkey" className="text-lg font-semibold">
          Passkey (a way into the server session)
        </h2>
        <p className="text-sm">{data.signedIn ? `Signed in as ${data.email}` : "Signed out."}</p>
      </header>
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <Question title="What the browser holds">
          <p className="text-sm">
            {data.signedIn && data.sessionByPasskey
              ? "The session cookie in the first column: this sign-in was a passkey's."
              : "After a passkey sign-in: the session cookie of the first column, nothing else."}{" "}
            The credential itself lives in the authenticator (this device, a security key, or a
            password manager that syncs it): its private key never leaves it.
          </p>
        </Question>
        <Question title="What it means">
          <p className="text-sm">
            A passkey sign-in proves the person holds the key and unlocked it (UV), on this site
            only: the authenticator signs the RP ID and the browser the origin. What it creates is a
            server session, revoked like any other, and the freshest proof for sensitive actions.
          </p>
        </Question>
        <Question title="What the server holds">
          {data.signedIn && data.passkeys.length > 0 ? (
            <ul className="space-y-3">
              {data.passkeys.map((passkey) => (
                <PasskeyRows key={passkey.credentialId} passkey={passkey} />
              ))}
            </ul>
          ) : (
            <p className="text-sm" data-testid="lab-passkey-none">
              {data.signedIn ? "No passkey yet. " : "Sign in, then "}
              <Link href="/passkey/manage" className="link">
                add a passkey
              </Link>{" "}
              to see its row: a credential id, a public key, a counter and its flags, nothing
              secret.
            </p>
          )}
        </Question>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-2">
        {PASSKEY_FLOWS.map((diagram) => (
          <div key={diagram.title} className="min-w-0" data-testid="flow-passkey-diagram">
            <SequenceDiagram {...diagram} />
          </div>
        ))}
      </div>
    </article>
  );
}
