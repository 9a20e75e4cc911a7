import { listEvents } from "@/lib/auth/events";
import { Time } from "./time";

const DESCRIBE: Record<string, (detail: Record<string, unknown>) => string> = {
  "account.linked": (detail) => `${String(detail.provider)} linked`,
  "account.unlinked": (detail) => `${String(detail.provider)} unlinked; every other sign-in ended`,
  "account.link_refused": (detail) =>
    `Linking ${String(detail.provider)} refused: that account belongs to someone else`,
  "account.signed_out_everywhere": () => "Signed out everywhere, under every strategy",
  "account.reproved": (detail) => `Confirmed it was you (${String(detail.method)})`,
  "account.reproof_refused": (detail) =>
    `A confirmation through ${String(detail.provider)} was refused (${String(detail.reason)})`,
  "device.forgotten": () => "A trusted device was forgotten",
  "password.changed": () => "Password changed; every other sign-in ended",
  register: () => "Account created",
  "passkey.registered": (detail) =>
    detail.newAccount ? "Account created with a passkey" : "A passkey added",
  "passkey.renamed": () => "A passkey renamed",
  "passkey.removed": () => "A passkey removed; every other sign-in ended",
  "passkey.failed": () => "A new passkey was refused",
};

/**
 * Events about the account itself (links, unlinks, a password change, "everywhere"), shown on
 * every strategy's page: whichever way the person signs in, they see them.
 */
export async function AccountActivity({ userId }: { userId: string }) {
  const events = (await listEvents(userId, { strategy: "account", limit: 20 })).filter(
    (event) => event.strategy === "account",
  );
  return (
    <section aria-labelledby="account-activity" className="space-y-2 card">
      <h2 id="account-activity" className="font-semibold">
        Account activity
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing yet.</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="account-activity">
          {events.slice(0, 8).map((event) => (
            <li key={event.id} data-type={event.type}>
              <Time value={event.createdAt} />: {DESCRIBE[event.type]?.(event.detail) ?? event.type}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
