import type { Metadata } from "next";
import { ActionButton, PageHeader } from "@/app/_components/page-header";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Time } from "@/app/_components/time";
import { AccountActivity } from "@/app/_components/account-activity";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { EverywhereButton } from "@/app/_components/everywhere-button";
import { STRATEGIES } from "@/lib/auth/names";
import { getStrategy, signInPathFor } from "@/lib/auth/strategies";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { auth } from "@/lib/auth/oauth/auth";
import { callProviderApi } from "@/lib/auth/oauth/delegated";
import { isFresh } from "@/lib/auth/oauth/link";
import { PROVIDER_NAMES, providerInfo, type ProviderId } from "@/lib/auth/oauth/providers";
import { currentOAuthSignIn, listOAuthSessions } from "@/lib/auth/oauth/sessions";
import { signInAgain, signOutEverywhereOAuth, signOutOAuth, startProviderLink } from "../actions";
import { DelegatedResult } from "../_components/delegated-result";
import { LinkOutcome } from "../_components/link-outcome";
import { UnlinkButton } from "../_components/unlink-button";
import { FlowLogView, SingleSignOnNote } from "../_components/flow-log";
import { IdTokenSection } from "../_components/id-token";
import { readFlowLog } from "@/lib/auth/oauth/flow-log";
import { viewCheckedToken } from "@/lib/tokens/sources";

export const metadata: Metadata = { title: "Your provider accounts" };

export default async function OAuthAccountPage({ searchParams }: PageProps<"/oauth/account">) {
  const session = await auth();
  if (!session?.user) redirect(await signInPathFor(getStrategy("oauth"), "/oauth/account"));
  const { user } = session;
  const params = await searchParams;
  const [accounts, sessions, signIn, flow, idToken] = await Promise.all([
    listLinkedAccounts(user.id),
    listOAuthSessions(user.id),
    currentOAuthSignIn(),
    readFlowLog(),
    viewCheckedToken("id-token"),
  ]);
  const fresh = signIn ? isFresh(signIn.signedInAt) : false;
  const calls = await Promise.all(
    accounts.map((account) => callProviderApi(user.id, account.provider as ProviderId)),
  );
  const unlinked = providerInfo().filter(
    (provider) => !accounts.some((a) => a.provider === provider.id),
  );

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        strategy="oauth"
        title="Signed in with a provider"
        actions={
          <>
            <ActionButton action={signOutOAuth}>Sign out</ActionButton>
            <ConfirmAction
              action={signOutEverywhereOAuth}
              label="Sign out everywhere"
              confirmLabel="Yes, end every provider session"
              pendingLabel="Signing out…"
              warning="Every Auth.js session of yours ends, this browser's included. Your server sessions and JWT sign-ins are not touched."
            />
          </>
        }
      >
        {user.name} · {user.email}
      </PageHeader>

      <LinkOutcome params={params} />
      {flow ? <SingleSignOnNote log={flow} /> : null}

      <section aria-labelledby="linked-heading" className="space-y-3">
        <h2 id="linked-heading" className="text-lg font-semibold">
          Linked providers
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The provider&apos;s access token is stored on the server and used there; your browser only
          ever holds an opaque Auth.js session cookie.
        </p>
        <ul className="space-y-3">
          {accounts.map((account, index) => (
            <li key={account.provider} className="space-y-3 card" data-testid="linked-account">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-semibold">
                    {PROVIDER_NAMES[account.provider as ProviderId] ?? account.provider}
                  </p>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    Granted scopes:{" "}
                    <span className="font-mono">{account.scopes.join(" ") || "none"}</span>
                    <br />
                    Access token: {account.hasAccessToken ? "held by the server" : "none"}
                    {account.expiresAt ? (
                      <>
                        , expires <Time value={account.expiresAt} />
                      </>
                    ) : null}
                  </p>
                </div>
                <UnlinkButton provider={account.provider} from="oauth" />
              </div>
              {calls[index] ? <DelegatedResult call={calls[index]} /> : null}
            </li>
          ))}
        </ul>
        {unlinked.length > 0 ? (
          <div className="space-y-3 card">
            <h3 className="font-semibold">Link another provider</h3>
            {fresh ? (
              <ul className="flex flex-wrap gap-3">
                {unlinked.map((provider) => (
                  <li key={provider.id}>
                    <form action={startProviderLink}>
                      <input type="hidden" name="provider" value={provider.id} />
                      <button type="submit" className="btn-secondary">
                        Link {provider.name}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="space-y-2 text-sm">
                <p>
                  Linking needs a sign-in made in the last few minutes, so nobody can add their own
                  provider to a session left open. Sign in again first:
                </p>
                <ul className="flex flex-wrap gap-3">
                  {accounts.map((account) => (
                    <li key={account.provider}>
                      <form action={signInAgain}>
                        <input type="hidden" name="provider" value={account.provider} />
                        <button type="submit" className="btn-secondary">
                          Sign in again with{" "}
                          {PROVIDER_NAMES[account.provider as ProviderId] ?? account.provider}
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Auth.js sessions
        </h2>
        <ul className="space-y-2">
          {sessions.map((item) => (
            <li key={item.handle} className="card text-sm" data-testid="oauth-session">
              <span className="font-mono">{item.handle}</span> · started{" "}
              <Time value={item.createdAt} /> · expires <Time value={item.expiresAt} /> unless used
              · ends by <Time value={item.endsAt} /> whatever happens
              {item.current ? (
                <span className="ml-2 rounded-full bg-oauth/20 px-2 py-0.5 text-xs font-semibold">
                  this browser
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <Link href={STRATEGIES.oauth.notesPath} className="link">
          Open your notes through this strategy
        </Link>
      </section>

      <IdTokenSection idToken={idToken} accounts={accounts} />

      {flow ? <FlowLogView log={flow} /> : null}

      <AccountActivity userId={user.id} />
      <div>
        <EverywhereButton via="oauth" />
      </div>
    </div>
  );
}
