import Link from "next/link";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { STRATEGIES, type StrategyId } from "@/lib/auth/names";
import { safeNextPath } from "@/lib/http/safe-redirect";
import type { SignInFormState } from "@/lib/auth/sign-in-form";
import { DemoButton } from "./demo-button";
import { DemoPeople } from "./demo-people";
import { PageHeader } from "./page-header";
import { SignInForm } from "./sign-in-form";

type Props = {
  strategy: Extract<StrategyId, "session" | "jwt">;
  title: string;
  intro: ReactNode;
  action: (prev: SignInFormState, formData: FormData) => Promise<SignInFormState>;
  /** The page's query: where to go after signing in (?next=…) and why the browser is here (?reason=…). */
  searchParams: Promise<{ next?: unknown; reason?: unknown }>;
  /** Whether this browser is already signed in with the strategy: then it goes straight on. */
  signedIn: () => Promise<boolean>;
};

const REASONS: Record<string, string> = {
  expired:
    "You were signed out because your sign-in expired (a while without activity, or its maximum lifetime). Sign in again to continue.",
  revoked:
    "You were signed out because this sign-in was ended elsewhere: a sign-out everywhere, a password change, or a revoked device. Sign in again to continue.",
  ended:
    "You were signed out: this sign-in expired, or was ended elsewhere (a sign-out everywhere, a password change, a revoked device). Sign in again to continue.",
};

/** Why this browser was sent to sign in (?reason=…), said first; nothing for an unknown reason. */
export function SignedOutNotice({ reason }: { reason: unknown }) {
  const why = typeof reason === "string" ? REASONS[reason] : undefined;
  if (!why) return null;
  return (
    <p role="alert" className="rounded-lg border border-amber-500/60 bg-amber-500/5 p-3 text-sm">
      {why}
    </p>
  );
}

/** The email-and-password sign-in page of a local strategy. */
export async function PasswordSignInPage({
  strategy,
  title,
  intro,
  action,
  searchParams,
  signedIn,
}: Props) {
  const { next: asked, reason } = await searchParams;
  const next = safeNextPath(asked, STRATEGIES[strategy].href);
  if (await signedIn()) redirect(next);
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-[1fr_16rem]">
      <div className="space-y-6">
        <PageHeader strategy={strategy} title={title}>
          <p>{intro}</p>
        </PageHeader>
        <SignedOutNotice reason={reason} />
        <SignInForm action={action} next={next} submitLabel="Sign in" />
        <div className="space-y-1">
          <DemoButton
            next={next}
            label="Skip this: try it as a demo person"
            className="btn-secondary"
          />
        </div>
        {strategy === "session" ? (
          <p className="text-sm">
            Or{" "}
            <Link href={`/passkey?next=${encodeURIComponent(next)}`} className="link">
              sign in with a passkey
            </Link>
            : the same server session, no password.
          </p>
        ) : null}
        <p className="text-sm">
          No account yet?{" "}
          <Link href="/register" className="link">
            Create one
          </Link>
        </p>
      </div>
      <DemoPeople />
    </div>
  );
}
