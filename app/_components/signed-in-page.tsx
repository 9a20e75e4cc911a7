import type { ReactNode } from "react";
import { signOutJwt } from "@/app/jwt/actions";
import { signOutOAuth } from "@/app/oauth/actions";
import { signOut as signOutSession } from "@/app/session/actions";
import { STRATEGIES, type StrategyId } from "@/lib/auth/names";
import type { User } from "@/lib/auth/user";
import { AccountActivity } from "./account-activity";
import { EverywhereButton } from "./everywhere-button";
import { LinkNotice } from "./link-notice";
import { ActionButton, PageHeader } from "./page-header";
import { SignOutEverywhere } from "./sign-out-everywhere";

const SIGN_OUT = {
  session: signOutSession,
  jwt: signOutJwt,
  oauth: signOutOAuth,
} satisfies Record<StrategyId, () => Promise<void>>;

/**
 * A strategy's page for the person signed in with it, around what is particular to it: who they
 * are and how to sign out on top, with any provider linked behind their back right under it;
 * the account's activity and its kill switch at the bottom, the same on every strategy.
 */
export function SignedInPage({
  strategy,
  title,
  user,
  path = STRATEGIES[strategy].href,
  everywhere = false,
  children,
}: {
  strategy: StrategyId;
  title: string;
  /** A JWT's claims may leave the name and email out. */
  user: Pick<User, "id"> & Partial<Pick<User, "name" | "email">>;
  /** This page, where "That was me" on the link notice comes back to. */
  path?: string;
  /** Offer "Sign out everywhere" (this strategy only) next to "Sign out". */
  everywhere?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        strategy={strategy}
        title={title}
        actions={
          <>
            <ActionButton action={SIGN_OUT[strategy]}>Sign out</ActionButton>
            {everywhere ? <SignOutEverywhere strategy={strategy} /> : null}
          </>
        }
      >
        {user.name} · {user.email}
      </PageHeader>
      <LinkNotice userId={user.id} next={path} />
      {children}
      <AccountActivity userId={user.id} />
      <div>
        <EverywhereButton via={strategy} />
      </div>
    </div>
  );
}
