import type { Metadata } from "next";
import { ActionButton, PageHeader } from "@/app/_components/page-header";
import Link from "next/link";
import { redirect } from "next/navigation";
import { jwtPageState } from "@/lib/auth/jwt/current";
import { signOutEverywhereJwt, signOutJwt } from "./actions";
import { DecodedTokenView } from "./_components/decoded-token";
import { SilentRefresh } from "./_components/silent-refresh";
import { STRATEGIES } from "@/lib/auth/names";
import { AccountActivity } from "@/app/_components/account-activity";
import { LinkNotice } from "@/app/_components/link-notice";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { EverywhereButton } from "@/app/_components/everywhere-button";

export const metadata: Metadata = { title: "JWT access + refresh" };

export default async function JwtAccountPage() {
  const current = await jwtPageState();
  if (current.state === "expired") return <SilentRefresh />;
  if (current.state === "signed-out")
    redirect(`${STRATEGIES.jwt.loginPath}?next=/jwt${current.revoked ? "&reason=revoked" : ""}`);
  if (current.state === "unavailable")
    redirect(`/unavailable?store=redis&next=${encodeURIComponent("/jwt")}`);
  const { user } = current;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        strategy="jwt"
        title="Signed in with JWT"
        actions={
          <>
            <ActionButton action={signOutJwt}>Sign out</ActionButton>
            <ConfirmAction
              action={signOutEverywhereJwt}
              label="Sign out everywhere"
              confirmLabel="Yes, revoke every JWT sign-in"
              pendingLabel="Revoking…"
              warning="Every refresh family of yours is revoked, this browser's included, and every access token is refused by the app at once. Your server sessions and provider sessions are not touched."
            />
          </>
        }
      >
        {user.name} · {user.email}
      </PageHeader>
      <LinkNotice userId={user.id} next="/jwt" />

      <DecodedTokenView token={current.view} exp={current.exp} />

      <nav aria-label="JWT pages" className="grid gap-3 sm:grid-cols-2">
        <Link href={STRATEGIES.jwt.notesPath} className="card no-underline hover:border-jwt">
          <span className="font-semibold">Notes</span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            The protected resource, via your access token.
          </span>
        </Link>
        <Link href="/jwt/tokens" className="card no-underline hover:border-jwt">
          <span className="font-semibold">Tokens</span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            Your refresh families, drawn as chains.
          </span>
        </Link>
      </nav>

      <AccountActivity userId={user.id} />
      <div>
        <EverywhereButton via="jwt" />
      </div>
    </div>
  );
}
