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
  { href: "/lab", label: "Lab" },
  { href: "/interview", label: "Interview" },
  { href: "/account", label: "Account" },
] as const;

export async function SiteHeader() {
  const statuses = await getStrategyStatuses();
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <JwtKeeper />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight no-underline">
          Auth<span className="text-sky-700 dark:text-sky-400">Lab</span>
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-1">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 no-underline hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-label="Sign-in status" className="ml-auto">
          <ul className="flex flex-wrap gap-2 text-xs">
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
  return (
    <li
      data-testid={`status-${status.id}`}
      className="flex items-center gap-1.5 rounded-full border border-zinc-200 px-2.5 py-1 dark:border-zinc-700"
    >
      <StrategyDot id={status.id} hollow={!status.user} />
      <span className="font-semibold">{status.short}:</span>
      <span className="max-w-40 truncate text-zinc-600 dark:text-zinc-400">{text}</span>
    </li>
  );
}
