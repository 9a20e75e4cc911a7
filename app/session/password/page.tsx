import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { confirmPathFor } from "@/lib/auth/account/recent-proof";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/credentials";
import { hasPassword, hasRecentPasskeyProof } from "@/lib/auth/password-change";
import { requireSession } from "@/lib/auth/session/guard";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change password" };

const HERE = "/session/password";

export default async function PasswordPage() {
  const { user } = await requireSession(HERE);
  const browser = await thisBrowser();
  // A passkey stands in only for a first password (a passkey-only account): see password-change.ts.
  const firstPassword = !(await hasPassword(user.id));
  const byPasskey =
    firstPassword && browser.state === "signed-in" && hasRecentPasskeyProof(browser, user.id);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader strategy="session" title="Change password">
        <p className="text-zinc-600 dark:text-zinc-400">
          Every other session ends at once; this one stays signed in.
        </p>
      </PageHeader>
      <PasswordForm
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        byPasskey={byPasskey}
      />
      {firstPassword && !byPasskey ? (
        <p className="text-sm">
          This account has no password yet.{" "}
          <Link href={confirmPathFor("change-password", HERE)} className="link">
            Confirm it is you with your passkey
          </Link>{" "}
          to set one.
        </p>
      ) : null}
    </div>
  );
}
