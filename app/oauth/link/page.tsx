import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import Link from "next/link";
import { getCurrentJwt } from "@/lib/auth/jwt/guard";
import { providerInfo } from "@/lib/auth/oauth/providers";
import { getCurrentSession } from "@/lib/auth/session/guard";
import { linkToPasswordAccount } from "../actions";

export const metadata: Metadata = { title: "Link a provider" };

export default async function LinkPage() {
  const session = await getCurrentSession();
  const jwt = await getCurrentJwt();
  const user = session.user ?? (jwt.ok ? jwt.user : null);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader strategy="oauth" title="Link Google or GitHub to your account">
        <p className="text-zinc-600 dark:text-zinc-400">
          Linking needs proof that the account is yours: your password. Auth Lab never links on a
          matching email alone.
        </p>
      </PageHeader>
      {user ? (
        <>
          <p>
            Signed in with your password as <strong>{user.email}</strong>. Choose a provider to
            link:
          </p>
          <ul className="space-y-3">
            {providerInfo().map((provider) => (
              <li key={provider.id}>
                <form action={linkToPasswordAccount}>
                  <input type="hidden" name="provider" value={provider.id} />
                  <button type="submit" className="btn-primary w-full">
                    Link {provider.name}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          First{" "}
          <Link href="/session/login?next=/oauth/link" className="link">
            sign in with your password
          </Link>
          , then come back here.
        </p>
      )}
    </div>
  );
}
