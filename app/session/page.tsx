import type { Metadata } from "next";
import { ActionButton, PageHeader } from "@/app/_components/page-header";
import Link from "next/link";
import { Time } from "@/app/_components/time";
import { requireSession } from "@/lib/auth/session/guard";
import { signOut } from "./actions";
import { STRATEGIES } from "@/lib/auth/names";
import { AccountActivity } from "@/app/_components/account-activity";
import { LinkNotice } from "@/app/_components/link-notice";
import { EverywhereButton } from "@/app/_components/everywhere-button";

export const metadata: Metadata = { title: "Server session" };

export default async function SessionAccountPage() {
  const { session, user } = await requireSession("/session");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        strategy="session"
        title="Signed in with a server session"
        actions={<ActionButton action={signOut}>Sign out</ActionButton>}
      >
        {user.name} · {user.email}
      </PageHeader>
      <LinkNotice userId={user.id} next="/session" />

      <section aria-labelledby="this-session" className="space-y-3 card">
        <h2 id="this-session" className="text-lg font-semibold">
          This session
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Your browser holds only a sealed reference. Everything below lives in the database, and is
          checked on every request.
        </p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Item label="Started" value={<Time value={session.createdAt} />} />
          <Item label="Last seen" value={<Time value={session.lastSeenAt} />} />
          <Item label="Ends if idle until" value={<Time value={session.idleExpiresAt} />} />
          <Item label="Ends at the latest" value={<Time value={session.absoluteExpiresAt} />} />
        </dl>
      </section>

      <nav aria-label="Session pages" className="grid gap-3 sm:grid-cols-3">
        <Link
          href={STRATEGIES.session.notesPath}
          className="card no-underline hover:border-session"
        >
          <span className="font-semibold">Notes</span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            The protected resource, via this session.
          </span>
        </Link>
        <Link href="/session/devices" className="card no-underline hover:border-session">
          <span className="font-semibold">Devices</span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            Every signed-in browser; revoke any.
          </span>
        </Link>
        <Link href="/session/password" className="card no-underline hover:border-session">
          <span className="font-semibold">Change password</span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            Ends every other sign-in, under every strategy.
          </span>
        </Link>
      </nav>

      <AccountActivity userId={user.id} />
      <div>
        <EverywhereButton via="session" />
      </div>
    </div>
  );
}

function Item({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
