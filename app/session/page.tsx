import type { Metadata } from "next";
import { PageLinks } from "@/app/_components/page-links";
import { SignedInPage } from "@/app/_components/signed-in-page";
import { Time } from "@/app/_components/time";
import { requireSession } from "@/lib/auth/session/guard";

export const metadata: Metadata = { title: "Server session" };

export default async function SessionAccountPage() {
  const { session, user } = await requireSession("/session");
  return (
    <SignedInPage strategy="session" title="Signed in with a server session" user={user}>
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

      <PageLinks
        strategy="session"
        notes="The protected resource, via this session."
        links={[
          {
            href: "/session/devices",
            title: "Devices",
            about: "Every signed-in browser; revoke any.",
          },
          {
            href: "/passkey/manage",
            title: "Passkeys",
            about: "Sign in with no password: add, rename or remove yours.",
          },
          {
            href: "/session/password",
            title: "Change password",
            about: "Ends every other sign-in, under every strategy.",
          },
        ]}
      />
    </SignedInPage>
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
