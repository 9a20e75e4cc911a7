import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { Time } from "@/app/_components/time";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { passkeysOf } from "@/lib/auth/passkey/passkeys";
import { PROOF_NAMES } from "@/lib/auth/proof";
import { AddPasskey } from "../_components/add-passkey";
import { removePasskeyAction, renamePasskeyAction } from "./actions";

export const metadata: Metadata = { title: "Your passkeys" };

const NOTICES: Record<string, { text: string; ok: boolean }> = {
  renamed: { text: "Renamed.", ok: true },
  removed: {
    text: "Removed. Every other sign-in of your account ended with it; this browser stays signed in.",
    ok: true,
  },
  last_method: {
    text: "That is your last way to sign in: add another passkey or a provider before removing it.",
    ok: false,
  },
  not_found: { text: "That passkey is not one of yours (any more).", ok: false },
  name: { text: "Give the passkey a name of 1 to 60 characters.", ok: false },
};

/** The person's passkeys, whichever strategy this browser is signed in with: add, rename, remove. */
export default async function ManagePasskeysPage({ searchParams }: PageProps<"/passkey/manage">) {
  const browser = await thisBrowser();
  if (browser.state === "signed-out") redirect("/passkey?next=/passkey/manage");
  if (browser.state === "two-people")
    return (
      <p role="alert" className="mx-auto max-w-md">
        This browser is signed in as two different people. Sign out of one of them first.
      </p>
    );
  const params = await searchParams;
  const key = ["renamed", "removed"].find((name) => params[name]) ?? params.problem;
  const notice = typeof key === "string" ? NOTICES[key] : undefined;
  const passkeys = await passkeysOf(browser.user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader strategy="session" title="Your passkeys">
        <p>
          {browser.user.email} · a passkey signs you in with a server session. This browser last
          proved who you are with {PROOF_NAMES[browser.proof.method]}{" "}
          <Time value={browser.proof.authTime.toISOString()} />.
        </p>
      </PageHeader>
      {notice ? (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded-lg border p-3 text-sm ${notice.ok ? "border-success/40 bg-success/5" : "border-danger/40 bg-danger/5"}`}
        >
          {notice.text}
        </p>
      ) : null}
      <section aria-labelledby="passkey-list" className="space-y-2">
        <h2 id="passkey-list" className="text-lg font-semibold">
          Passkeys ({passkeys.length})
        </h2>
        {passkeys.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
        ) : (
          <ul className="space-y-2" data-testid="passkeys">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="space-y-3 card" data-testid="passkey">
                <div className="space-y-1 text-sm">
                  <p className="font-semibold">{passkey.name}</p>
                  <p className="break-all text-zinc-600 dark:text-zinc-400">
                    credential {passkey.handle} · made <Time value={passkey.createdAt} /> · last
                    used {passkey.lastUsedAt ? <Time value={passkey.lastUsedAt} /> : "never"} ·{" "}
                    {passkey.backupEligible
                      ? `syncable${passkey.backedUp ? ", synced" : ""}`
                      : "bound to one device"}{" "}
                    · counter {passkey.counter}
                  </p>
                </div>
                <div className="flex flex-wrap items-end gap-3">
                  <form action={renamePasskeyAction} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="id" value={passkey.id} />
                    <label className="space-y-1 text-sm">
                      <span className="block font-medium">Name</span>
                      <input
                        name="name"
                        defaultValue={passkey.name}
                        required
                        maxLength={60}
                        className="field-input"
                        aria-label={`New name for ${passkey.name}`}
                      />
                    </label>
                    <button type="submit" className="btn-secondary">
                      Rename
                    </button>
                  </form>
                  <form action={removePasskeyAction}>
                    <input type="hidden" name="id" value={passkey.id} />
                    <button
                      type="submit"
                      className="btn-danger-outline"
                      aria-label={`Remove ${passkey.name}`}
                    >
                      Remove
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddPasskey />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Adding or removing a passkey changes how your account can be signed in, so each needs a
        proof of who you are from the last few minutes. Removing one also ends every other sign-in
        of your account, as unlinking a provider does.{" "}
        <Link href="/account" className="link">
          Every sign-in of your account
        </Link>
      </p>
    </div>
  );
}
