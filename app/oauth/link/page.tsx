import type { Metadata } from "next";
import Link from "next/link";
import { AccountActivity } from "@/app/_components/account-activity";
import { ItemCard } from "@/app/_components/item-card";
import { PageHeader } from "@/app/_components/page-header";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import type { User } from "@/lib/auth/user";
import { STRATEGIES } from "@/lib/auth/names";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { providerName } from "@/lib/auth/names";
import { LinkOutcome } from "../_components/link-outcome";
import { UnlinkButton } from "../_components/unlink-button";
import { LinkProviders, unlinkedProviders } from "../_components/link-providers";

export const metadata: Metadata = { title: "Linked providers" };

export default async function LinkPage({ searchParams }: PageProps<"/oauth/link">) {
  const current = await thisBrowser();
  const params = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader strategy="oauth" title="Link Google or GitHub to your account">
        <p className="text-zinc-600 dark:text-zinc-400">
          Linking needs a recent proof that the account is yours: a sign-in made a moment ago, or
          your password typed again. Auth Lab never links on a matching email alone, and a link
          never signs anyone in.
        </p>
      </PageHeader>
      <LinkOutcome params={params} />
      {current.state === "signed-in" ? (
        <SignedIn user={current.user} />
      ) : current.state === "two-people" ? (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-3 text-sm">
          This browser is signed in as two different people (under two strategies). Sign out of one
          of them first, so it is clear whose account gets the provider.
        </p>
      ) : (
        <p>
          First{" "}
          <Link href={`${STRATEGIES.session.loginPath}?next=/oauth/link`} className="link">
            sign in with your password
          </Link>{" "}
          (or{" "}
          <Link href={`${STRATEGIES.jwt.loginPath}?next=/oauth/link`} className="link">
            with JWT
          </Link>
          ), then come back here.
        </p>
      )}
    </div>
  );
}

async function SignedIn({ user }: { user: User }) {
  const accounts = await listLinkedAccounts(user.id);
  const unlinked = unlinkedProviders(accounts);
  return (
    <>
      <p>
        Signed in as <strong>{user.email}</strong>.
      </p>
      <section aria-labelledby="linked-heading" className="space-y-3">
        <h2 id="linked-heading" className="text-lg font-semibold">
          Linked providers
        </h2>
        {accounts.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
        ) : (
          <ul className="space-y-2">
            {accounts.map((account) => (
              <ItemCard
                key={account.provider}
                data-testid="linked-account"
                title={providerName(account.provider)}
                side={<UnlinkButton provider={account.provider} from="password" />}
              />
            ))}
          </ul>
        )}
      </section>
      {unlinked.length > 0 ? (
        <section aria-labelledby="link-heading" className="space-y-3">
          <h2 id="link-heading" className="text-lg font-semibold">
            Link a provider
          </h2>
          <div className="card">
            <LinkProviders providers={unlinked} from="password" />
          </div>
        </section>
      ) : null}
      <AccountActivity userId={user.id} />
    </>
  );
}
