import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountActivity } from "@/app/_components/account-activity";
import { EverywhereButton } from "@/app/_components/everywhere-button";
import { ItemCard } from "@/app/_components/item-card";
import { LinkNotice } from "@/app/_components/link-notice";
import { Time } from "@/app/_components/time";
import { LinkProviders, unlinkedProviders } from "@/app/oauth/_components/link-providers";
import { UnlinkButton } from "@/app/oauth/_components/unlink-button";
import { inventoryOf } from "@/lib/auth/account/inventory";
import { isRecent } from "@/lib/auth/account/recent-proof";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { providerName } from "@/lib/auth/names";
import { PROOF_NAMES } from "@/lib/auth/proof";
import { STRATEGY_LIST } from "@/lib/auth/names";
import { endCredential } from "./actions";

export const metadata: Metadata = { title: "Your account" };

/** Every credential of the person this browser is signed in as, of every strategy, each endable. */
export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const browser = await thisBrowser();
  const params = await searchParams;
  if (browser.state !== "signed-in")
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">Your account</h1>
        <p role={browser.state === "two-people" ? "alert" : undefined}>
          {browser.state === "two-people"
            ? "This browser is signed in as two different people. Sign out of one of them first."
            : "Sign in under any strategy to see every sign-in of your account here."}
        </p>
        <ul className="flex flex-wrap gap-3">
          {STRATEGY_LIST.map((strategy) => (
            <li key={strategy.id}>
              <Link
                href={`${strategy.loginPath}?next=/account`}
                className="btn-secondary no-underline"
              >
                Sign in: {strategy.short}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  const inventory = await inventoryOf(browser);
  const recent = isRecent(browser.proof);
  const unlinked = unlinkedProviders(inventory.accounts);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          {browser.user.name ?? browser.user.email} · every way your account is signed in right now,
          under every strategy. Ending one refuses it at its very next request.
        </p>
        <p className="text-sm" data-testid="this-proof">
          This browser last proved who you are with {PROOF_NAMES[browser.proof.method]}{" "}
          <Time value={browser.proof.authTime.toISOString()} />
          {recent
            ? ": recent enough for sensitive actions."
            : ". Sensitive actions will ask you to confirm it is you."}
        </p>
      </header>
      {typeof params.ended === "string" ? (
        <p role="status" className="rounded-lg border border-success/40 bg-success/5 p-3 text-sm">
          Ended. It is refused from its next request on.
        </p>
      ) : null}
      <LinkNotice userId={browser.user.id} next="/account" />

      <Inventory title="Server sessions" id="sessions" empty="No server sessions.">
        {inventory.sessions.map((session) => (
          <Row
            key={session.handle}
            current={session.current}
            label={session.device}
            detail={
              <>
                IP {session.ip ?? "unknown"} · signed in <Time value={session.createdAt} /> · last
                seen <Time value={session.lastSeenAt} />
              </>
            }
            end={{ kind: "session", id: session.handle }}
          />
        ))}
      </Inventory>

      <Inventory title="JWT sign-ins (refresh families)" id="families" empty="No JWT sign-ins.">
        {inventory.families.map((family) => (
          <Row
            key={family.id}
            current={family.current}
            label={`${family.device} · family …${family.handle}`}
            detail={
              <>
                from {PROOF_NAMES[family.method]}
                {family.exchangedFrom ? ` (exchanged for a ${family.exchangedFrom} sign-in)` : ""} ·
                started <Time value={family.createdAt} /> · last refreshed{" "}
                <Time value={family.lastUsedAt} />
              </>
            }
            end={{ kind: "family", id: family.id }}
          />
        ))}
      </Inventory>

      <Inventory
        title="Provider sessions (Auth.js)"
        id="oauth-sessions"
        empty="No provider sessions."
      >
        {inventory.oauthSessions.map((session) => (
          <Row
            key={session.id}
            current={session.current}
            label={`Auth.js session ${session.handle}`}
            detail={
              <>
                from {PROOF_NAMES[session.method]} · started <Time value={session.createdAt} /> ·
                ends by <Time value={session.endsAt} />
              </>
            }
            end={{ kind: "oauth", id: session.id }}
          />
        ))}
      </Inventory>

      <Inventory title="Trusted devices" id="devices" empty="No trusted devices.">
        {inventory.devices.map((device) => (
          <Row
            key={device.handle}
            current={device.current}
            label={device.device}
            detail={
              <>
                IP {device.ip ?? "unknown"} · trusted since <Time value={device.createdAt} /> · last
                password sign-in <Time value={device.lastUsedAt} />. Its sign-in attempts are
                counted apart, so nobody hammering your account can lock it out.
              </>
            }
            end={{ kind: "device", id: device.handle }}
          />
        ))}
      </Inventory>

      <section aria-labelledby="passkeys" className="space-y-2">
        <h2 id="passkeys" className="text-lg font-semibold">
          Passkeys
        </h2>
        {inventory.passkeys.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>
        ) : (
          <ul className="space-y-2" data-testid="inventory-passkeys">
            {inventory.passkeys.map((passkey) => (
              <li key={passkey.id} className="card text-sm">
                <p className="font-semibold">{passkey.name}</p>
                <p className="text-zinc-600 dark:text-zinc-400">
                  made <Time value={passkey.createdAt} /> · last used{" "}
                  {passkey.lastUsedAt ? <Time value={passkey.lastUsedAt} /> : "never"}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm">
          <Link href="/passkey/manage" className="link">
            Add, rename or remove passkeys
          </Link>
        </p>
      </section>

      <section aria-labelledby="providers" className="space-y-3">
        <h2 id="providers" className="text-lg font-semibold">
          Linked providers
        </h2>
        {inventory.accounts.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>
        ) : (
          <ul className="space-y-2">
            {inventory.accounts.map((account) => (
              <li key={account.provider} className="card" data-testid="inventory-provider">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 space-y-1 text-sm">
                    <p className="font-semibold">
                      {providerName(account.provider)}
                      {account.sinceLastPasswordProof ? (
                        <span
                          className="ml-2 rounded-full bg-amber-500/20 px-2 py-0.5 text-xs"
                          data-testid="linked-since-password"
                        >
                          linked since you last typed your password
                        </span>
                      ) : null}
                    </p>
                    <p className="text-zinc-600 dark:text-zinc-400">
                      {account.linkedVia === "link" ? (
                        <>
                          Linked <Time value={account.linkedAt} /> through your {account.linkedFrom}{" "}
                          sign-in, after {account.linkProof}, from{" "}
                          {account.linkedIp ?? "an unknown address"}.
                        </>
                      ) : (
                        <>
                          Your account was made with it, <Time value={account.linkedAt} />.
                        </>
                      )}
                    </p>
                  </div>
                  <UnlinkButton provider={account.provider} from="account" />
                </div>
              </li>
            ))}
          </ul>
        )}
        {unlinked.length > 0 ? (
          <div className="card">
            <LinkProviders providers={unlinked} from="account" />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="kill-switch" className="space-y-2 card">
        <h2 id="kill-switch" className="font-semibold">
          The kill switch
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Ends every credential above in one transaction and bumps your credential epoch, so a
          sign-in still on its way is refused too. The app refuses every access token already issued
          at once; a service that checks tokens only by their signature accepts a copied one until
          it expires.
        </p>
        <EverywhereButton via="account" />
      </section>

      <AccountActivity userId={browser.user.id} />
    </div>
  );
}

function Inventory({
  title,
  id,
  empty,
  children,
}: {
  title: string;
  id: string;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="space-y-2" data-testid={`inventory-${id}`}>
          {children}
        </ul>
      )}
    </section>
  );
}

function Row({
  label,
  detail,
  current,
  end,
}: {
  label: string;
  detail: ReactNode;
  current: boolean;
  end: { kind: "session" | "family" | "oauth" | "device"; id: string };
}) {
  return (
    <ItemCard
      data-current={current}
      title={
        <>
          {label}
          {current ? (
            <span className="ml-2 inline-block rounded-full bg-zinc-200 px-2 py-0.5 text-xs dark:bg-zinc-700">
              this browser
            </span>
          ) : null}
        </>
      }
      detail={detail}
      side={
        <form action={endCredential}>
          <input type="hidden" name="kind" value={end.kind} />
          <input type="hidden" name="id" value={end.id} />
          <button type="submit" className="btn-secondary" aria-label={`End ${label}`}>
            End
          </button>
        </form>
      }
    />
  );
}
