import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { STRATEGIES } from "@/lib/auth/names";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { CreateWithPasskey } from "./_components/create-account";
import { PasskeySignIn } from "./_components/sign-in";

export const metadata: Metadata = { title: "Passkeys" };

/** What a passkey is, signing in with one (autofill included), and an account made with one. */
export default async function PasskeyPage({ searchParams }: PageProps<"/passkey">) {
  const params = await searchParams;
  const next = safeNextPath(params.next, STRATEGIES.session.href);
  const browser = await thisBrowser();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader strategy="session" title="Passkeys">
        <p>
          A passkey is a key pair made by your device for this site alone. The server keeps the
          public key; the private key never leaves your device (or your password manager, which may
          sync it), and signs a fresh challenge each time, after your fingerprint, face or PIN. No
          secret is typed or stored here, and a phishing site on another address can&apos;t use it:
          the browser only offers it to the site it was made for.
        </p>
      </PageHeader>
      <p className="text-sm">
        A passkey sign-in here starts an ordinary{" "}
        <Link href={STRATEGIES.session.href} className="link">
          server session
        </Link>
        : the same cookie, the same kill switch, with “a passkey” as the proof it came from, the
        strongest proof for sensitive actions.
      </p>
      {browser.state === "signed-in" ? (
        <p role="status" className="rounded-lg border border-success/40 bg-success/5 p-3 text-sm">
          You are signed in as {browser.user.email}.{" "}
          <Link href="/passkey/manage" className="link">
            Manage your passkeys
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="passkey-sign-in" className="space-y-3">
          <h2 id="passkey-sign-in" className="text-lg font-semibold">
            Sign in with a passkey
          </h2>
          <PasskeySignIn next={next} />
        </section>
        <section aria-labelledby="passkey-new-account" className="space-y-3">
          <h2 id="passkey-new-account" className="text-lg font-semibold">
            New here? Start an account with a passkey
          </h2>
          <CreateWithPasskey next={next} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            No password at all: the account is made only once your device has made the passkey and
            the server has checked its answer.
          </p>
        </section>
      </div>
    </div>
  );
}
