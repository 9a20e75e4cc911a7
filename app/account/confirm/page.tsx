import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { pendingStep } from "@/lib/auth/account/pending-step";
import {
  CONTINUE_PARAM,
  isRecent,
  isSensitiveAction,
  recentProofSeconds,
  SENSITIVE_ACTIONS,
} from "@/lib/auth/account/recent-proof";
import { isEverywhereScope } from "@/lib/auth/account/everywhere";
import { hasPassword } from "@/lib/auth/account/person";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { listLinkedAccounts } from "@/lib/auth/oauth/accounts";
import { providerName, PROVIDERS } from "@/lib/auth/names";
import { PROOF_NAMES } from "@/lib/auth/proof";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { Time } from "@/app/_components/time";
import { confirmWithProvider } from "../actions";
import { ConfirmPasswordForm } from "./confirm-form";
import { CarryOn } from "./carry-on";
import { PasskeyReproof } from "@/app/passkey/_components/reproof";
import { passkeysOf } from "@/lib/auth/passkey/passkeys";
import { passkeyIdSchema } from "@/lib/auth/passkey/schemas";

export const metadata: Metadata = { title: "Confirm it's you" };

const REAUTH_PROBLEMS: Record<string, string> = {
  "someone-else": "That provider account is not one of yours, so it proves nothing here.",
  "not-fresh":
    "The provider answered from an earlier sign-in instead of asking you again. Try once more.",
  "signed-out": "This browser no longer holds a sign-in of yours. Sign in again.",
};

export default async function ConfirmPage({ searchParams }: PageProps<"/account/confirm">) {
  const params = await searchParams;
  const action = isSensitiveAction(params.action) ? params.action : "link";
  const next = safeNextPath(params.next, "/account");
  const pending =
    params.provider === "google" || params.provider === "github" ? params.provider : undefined;
  const via = isEverywhereScope(params.via) ? params.via : undefined;
  const passkey = passkeyIdSchema.safeParse(params.passkey).data;
  const what = { provider: pending, via, passkey };
  const fields = {
    action,
    next,
    ...(pending ? { provider: pending } : {}),
    ...(via ? { via } : {}),
    ...(passkey ? { passkey } : {}),
  };
  const browser = await thisBrowser();
  if (browser.state === "signed-out") redirect(`/session/login?next=${encodeURIComponent(next)}`);
  if (browser.state === "two-people")
    return (
      <p role="alert" className="mx-auto max-w-md">
        This browser is signed in as two different people. Sign out of one of them first.
      </p>
    );
  // Already proven recently: on with what was being confirmed, or back where it was asked for.
  // By itself only after a re-proof this very browser started for exactly this (its nonce in the
  // URL, its cookie); otherwise, a link from anywhere, the person presses Continue.
  // A password change without the current password takes a passkey, nothing weaker.
  const satisfied =
    isRecent(browser.proof) && (action !== "change-password" || browser.proof.method === "passkey");
  if (satisfied) {
    const step = pendingStep(action, what);
    if (!step) redirect(next);
    return (
      <CarryOn
        step={step}
        target={{ userId: browser.user.id, action, next, pending: what }}
        nonce={params[CONTINUE_PARAM]}
        fields={fields}
      />
    );
  }

  const [accounts, withPassword, passkeys] = await Promise.all([
    listLinkedAccounts(browser.user.id),
    hasPassword(browser.user.id),
    passkeysOf(browser.user.id),
  ]);
  const minutes = Math.max(1, Math.round(recentProofSeconds() / 60));
  const problem = typeof params.reauth === "string" ? REAUTH_PROBLEMS[params.reauth] : undefined;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Confirm it&apos;s you</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          You are about to <strong>{SENSITIVE_ACTIONS[action]}</strong>
          {pending ? ` (${PROVIDERS[pending]})` : ""}. That needs a proof of who you are from the
          last {minutes} {minutes === 1 ? "minute" : "minutes"}; you last proved it with{" "}
          {PROOF_NAMES[browser.proof.method]} <Time value={browser.proof.authTime.toISOString()} />.
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Why: a copied cookie signs its thief in as you, but it never proves anything new. Asking
          again here is what stops a stolen session from linking its own provider, unlinking yours,
          or signing you out everywhere.
        </p>
      </header>
      {problem ? (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-3 text-sm">
          {problem}
        </p>
      ) : null}
      {passkeys.length > 0 ? (
        <section aria-labelledby="confirm-passkey" className="space-y-3 card">
          <h2 id="confirm-passkey" className="font-semibold">
            With a passkey
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The strongest proof: your device signs a fresh challenge for this site only, after your
            fingerprint, face or PIN.
          </p>
          <PasskeyReproof fields={fields} />
        </section>
      ) : null}
      {withPassword ? <ConfirmPasswordForm fields={fields} /> : null}
      {accounts.length > 0 ? (
        <section aria-labelledby="confirm-provider" className="space-y-3 card">
          <h2 id="confirm-provider" className="font-semibold">
            {withPassword ? "Or sign in again with a provider" : "Sign in again with a provider"}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The provider is asked to make you sign in now, not to answer from an earlier sign-in.
          </p>
          <form action={confirmWithProvider} className="flex flex-wrap gap-3">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {accounts.map((account) => (
              <button
                key={account.provider}
                type="submit"
                name="with"
                value={account.provider}
                className="btn-secondary"
              >
                Continue with {providerName(account.provider)}
              </button>
            ))}
          </form>
        </section>
      ) : null}
      <p>
        <Link href={next} className="link">
          Cancel
        </Link>
      </p>
    </div>
  );
}
