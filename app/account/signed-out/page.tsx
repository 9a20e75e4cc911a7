import type { Metadata } from "next";
import Link from "next/link";
import { endedFromQuery, endedSentence } from "@/lib/auth/account/ended";
import { STRATEGY_LIST } from "@/lib/auth/names";

export const metadata: Metadata = { title: "Signed out everywhere" };

/** The kill switch's answer: what it ended, and what it can't reach until expiry. */
export default async function SignedOutEverywherePage({
  searchParams,
}: PageProps<"/account/signed-out">) {
  const ended = endedFromQuery(await searchParams);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Signed out everywhere</h1>
      <p role="status" data-testid="kill-switch-answer">
        {ended
          ? endedSentence(ended, "everywhere, this browser included")
          : "Every sign-in of yours has ended, this browser's included."}
      </p>
      <ul className="flex flex-wrap gap-3">
        {STRATEGY_LIST.map((strategy) => (
          <li key={strategy.id}>
            <Link href={strategy.loginPath} className="btn-secondary no-underline">
              Sign in: {strategy.short}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
