import type { Metadata } from "next";
import { ActionButton, PageHeader } from "@/app/_components/page-header";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Time } from "@/app/_components/time";
import { listLinkedAccounts, listOAuthSessions } from "@/lib/auth/oauth/accounts";
import { auth } from "@/lib/auth/oauth/auth";
import { readOAuthSessionCookie } from "@/lib/auth/oauth/cookie";
import { callProviderApi } from "@/lib/auth/oauth/delegated";
import { providerInfo, type ProviderId } from "@/lib/auth/oauth/providers";
import { signOutEverywhereOAuth, signOutOAuth, unlinkProvider } from "../actions";
import { DelegatedResult } from "../_components/delegated-result";
import { ProviderButtons } from "../_components/provider-buttons";
import { STRATEGIES } from "@/lib/auth/names";

export const metadata: Metadata = { title: "Your provider accounts" };

const PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub" };

const UNLINK_MESSAGES: Record<string, string> = {
  last_method:
    "That is your only way to sign in, so it stays linked. Link another provider or set a password first.",
  not_linked: "That provider is not linked.",
};

export default async function OAuthAccountPage({ searchParams }: PageProps<"/oauth/account">) {
  const session = await auth();
  if (!session?.user) redirect("/oauth/login?next=/oauth/account");
  const { user } = session;
  const { unlink } = await searchParams;
  const [accounts, sessions] = await Promise.all([
    listLinkedAccounts(user.id),
    listOAuthSessions(user.id, await readOAuthSessionCookie()),
  ]);
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
            <ActionButton action={signOutEverywhereOAuth} variant="danger">
              Sign out everywhere
            </ActionButton>
          </>
        }
      >
        {user.name} · {user.email}
      </PageHeader>

      {typeof unlink === "string" && UNLINK_MESSAGES[unlink] ? (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-3 text-sm">
          {UNLINK_MESSAGES[unlink]}
        </p>
      ) : null}

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
                    {PROVIDER_NAMES[account.provider] ?? account.provider}
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
                <form action={unlinkProvider}>
                  <input type="hidden" name="provider" value={account.provider} />
                  <button
                    type="submit"
                    className="btn-secondary"
                    aria-label={`Unlink ${account.provider}`}
                  >
                    Unlink
                  </button>
                </form>
              </div>
              {calls[index] ? <DelegatedResult call={calls[index]} /> : null}
            </li>
          ))}
        </ul>
        {unlinked.length > 0 ? (
          <div className="space-y-3 card">
            <h3 className="font-semibold">Link another provider</h3>
            <ProviderButtons next="/oauth/account" verb="Link" />
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
              <Time value={item.createdAt} /> · ends <Time value={item.expiresAt} />
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
    </div>
  );
}
