import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignedInPage } from "@/app/_components/signed-in-page";
import { Time } from "@/app/_components/time";
import { STRATEGIES } from "@/lib/auth/names";
import { getStrategy, signInPathFor } from "@/lib/auth/strategies";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { callProviderApi } from "@/lib/auth/oauth/delegated";
import { providerName } from "@/lib/auth/names";
import { listOAuthSessions } from "@/lib/auth/oauth/sessions";
import { LinkProviders, unlinkedProviders } from "../_components/link-providers";
import { DelegatedResult } from "../_components/delegated-result";
import { LinkOutcome } from "../_components/link-outcome";
import { UnlinkButton } from "../_components/unlink-button";
import { FlowLogView, SingleSignOnNote } from "../_components/flow-log";
import { FlowReplay } from "../_components/flow-replay";
import { localProviderAvailable } from "@/lib/lab/people";
import { IdTokenSection } from "../_components/id-token";
import { readFlowLog } from "@/lib/auth/oauth/flow-log";
import { viewCheckedToken } from "@/lib/tokens/sources";

export const metadata: Metadata = { title: "Your provider accounts" };

export default async function OAuthAccountPage({ searchParams }: PageProps<"/oauth/account">) {
  const oauth = getStrategy("oauth");
  const user = await oauth.currentUser();
  if (!user) redirect(await signInPathFor(oauth, "/oauth/account"));
  const params = await searchParams;
  const [accounts, sessions, flow, idToken] = await Promise.all([
    listLinkedAccounts(user.id),
    listOAuthSessions(user.id),
    readFlowLog(),
    viewCheckedToken("id-token"),
  ]);
  const calls = await Promise.all(
    accounts.map((account) => callProviderApi(user.id, account.provider)),
  );
  const unlinked = unlinkedProviders(accounts);

  return (
    <SignedInPage
      strategy="oauth"
      title="Signed in with a provider"
      user={user}
      path="/oauth/account"
      everywhere
    >
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
                  <p className="font-semibold">{providerName(account.provider)}</p>
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
            <LinkProviders providers={unlinked} from="oauth" />
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
      {localProviderAvailable() ? <FlowReplay /> : null}
    </SignedInPage>
  );
}
