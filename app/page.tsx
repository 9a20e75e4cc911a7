import Link from "next/link";
import type { Route } from "next";
import type { StrategyId } from "@/lib/auth/names";
import { StrategyDot } from "./_components/strategy-dot";
import { TradeoffTable } from "./_components/tradeoff-table";

const MODELS: { id: StrategyId; title: string; cta: string; href: Route; summary: string[] }[] = [
  {
    id: "session",
    title: "Server-side session",
    cta: "Try a server session",
    href: "/session",
    summary: [
      "The server remembers you. Your browser holds a sealed cookie that only points at a row in the database.",
      "Every request costs a lookup, and that lookup is the point: delete the row and you are signed out everywhere, at once.",
    ],
  },
  {
    id: "jwt",
    title: "JWT access + refresh",
    cta: "Try JWT tokens",
    href: "/jwt",
    summary: [
      "The token remembers you. A short-lived access token is signed, so any service with the public key can check it without asking anyone.",
      "The price is revocation: a copied token keeps working where only the signature is checked, until it expires. A rotating refresh token keeps lifetimes short.",
    ],
  },
  {
    id: "oauth",
    title: "Google and GitHub sign-in",
    cta: "Try Google and GitHub sign-in",
    href: "/oauth",
    summary: [
      "Someone else vouches for you. The app never sees a password; Google or GitHub sends you back with a one-time code that the server exchanges for tokens.",
      "OAuth 2.0 is about authorization (acting on your behalf); OpenID Connect adds who you are on top.",
    ],
  },
];

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
          Three ways to sign in, side by side
        </h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">
          Auth Lab lets one person sign in with a server session, a JWT pair and an OAuth provider
          at the same time, then watch what each one stores, what it costs, and what happens when a
          token is stolen, replayed or tampered with.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/tour" className="btn-primary no-underline">
            Start the 60-second tour
          </Link>
          <Link href="/lab" className="btn-secondary no-underline">
            Open the lab
          </Link>
          <Link href="/interview" className="btn-secondary no-underline">
            The interview room
          </Link>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No account needed: the tour makes you a throwaway demo person in one click. Preparing for
          “JWT vs session vs OAuth”? The interview room answers the usual questions, each with a
          live proof.
        </p>
      </section>

      <section aria-labelledby="models-heading" className="space-y-4">
        <h2 id="models-heading" className="text-2xl font-semibold">
          The three models
        </h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {MODELS.map((model) => (
            <li key={model.id} className="flex flex-col gap-3 card">
              <h3 className="flex items-center gap-2 text-lg font-semibold">
                <StrategyDot id={model.id} />
                {model.title}
              </h3>
              {model.summary.map((sentence) => (
                <p key={sentence} className="text-sm text-zinc-700 dark:text-zinc-300">
                  {sentence}
                </p>
              ))}
              <Link href={model.href} className="mt-auto text-sm link">
                {model.cta}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="tradeoffs-heading" className="space-y-4">
        <h2 id="tradeoffs-heading" className="text-2xl font-semibold">
          The trade-offs
        </h2>
        <TradeoffTable />
      </section>
    </div>
  );
}
