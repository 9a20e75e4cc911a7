import Link from "next/link";
import { getStrategyStatuses, type StrategyStatus } from "@/lib/auth/statuses";
import { JwtKeeper } from "@/app/jwt/_components/jwt-keeper";
import { STRATEGY_LIST } from "@/lib/auth/names";
import { StrategyDot } from "./strategy-dot";

// The strategies under their one-word names, from the one list that names them.
const NAV = [
  ...STRATEGY_LIST.map(({ href, short }) => ({ href, label: short })),
  // Not a strategy of its own: a passkey sign-in starts a server session (app/passkey).
  { href: "/passkey", label: "Passkeys" },
  { href: "/tour", label: "Tour" },
  { href: "/lab", label: "Lab" },
  { href: "/interview", label: "Interview" },
  { href: "/account", label: "Account" },
] as const;

export async function SiteHeader() {
  const statuses = await getStrategyStatuses();
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <JwtKeeper />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:gap-y-3 sm:px-6 sm:py-3">
        <Link href="/" className="py-1 text-lg font-bold tracking-tight no-underline">
          Auth<span className="text-sky-700 dark:text-sky-400">Lab</span>
        </Link>
        {/* On a phone the links stay on one line and scroll sideways, rather than wrapping (with
            room for their focus rings, which a scrolling box would clip). */}
        <nav
          aria-label="Main"
          className="order-3 -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-2 sm:order-none sm:mx-0 sm:w-auto sm:px-0"
        >
          <ul className="flex gap-1 py-1 sm:flex-wrap sm:py-0">
            {NAV.map((item) => (
              <li key={item.href} className="shrink-0">
                <Link
                  href={item.href}
                  className="inline-flex min-h-8 items-center rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 no-underline hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-label="Sign-in status" className="ml-auto">
          <ul className="flex gap-1.5 text-xs sm:flex-wrap sm:gap-2">
            {statuses.map((status) => (
              <StatusPill key={status.id} status={status} />
            ))}
          </ul>
        </section>
      </div>
    </header>
  );
}

function StatusPill({ status }: { status: StrategyStatus }) {
  const text = status.user
    ? `signed in as ${status.user.name ?? status.user.email}`
    : status.unavailable
      ? "store unavailable"
      : "signed out";
  // On a phone, a pill is its dot and short name; the rest is there for screen readers (and the
  // tooltip), so three signed-in pills fit on one line beside the logo.
  return (
    <li
      data-testid={`status-${status.id}`}
      title={`${status.short}: ${text}`}
      className="flex items-center gap-1.5 rounded-full border border-zinc-200 px-2 py-1 sm:px-2.5 dark:border-zinc-700"
    >
      <StrategyDot id={status.id} hollow={!status.user} />
      <span className="font-semibold">
        {status.short}
        <span className="sr-only sm:not-sr-only">:</span>
      </span>
      <span className="sr-only sm:not-sr-only">
        <span className="block max-w-40 truncate text-zinc-600 dark:text-zinc-400">{text}</span>
      </span>
    </li>
  );
}
