import type { Route } from "next";
import Link from "next/link";
import { STRATEGIES, type StrategyId } from "@/lib/auth/names";

// Whole class names, so Tailwind finds them in the source.
const HOVER = {
  session: "hover:border-session",
  jwt: "hover:border-jwt",
  oauth: "hover:border-oauth",
} as const satisfies Record<StrategyId, string>;

type PageLink = { href: Route; title: string; about: string };

/** A strategy's other pages, as cards saying what each is for: its notes first, as every one has. */
export function PageLinks({
  strategy,
  notes,
  links,
}: {
  strategy: StrategyId;
  /** What the notes are, seen through this strategy. */
  notes: string;
  links: PageLink[];
}) {
  const { short, notesPath } = STRATEGIES[strategy];
  const all: PageLink[] = [{ href: notesPath, title: "Notes", about: notes }, ...links];
  return (
    <nav
      aria-label={`${short} pages`}
      className={`grid gap-3 ${all.length > 2 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}
    >
      {all.map((link) => (
        <Link key={link.href} href={link.href} className={`card no-underline ${HOVER[strategy]}`}>
          <span className="font-semibold">{link.title}</span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">{link.about}</span>
        </Link>
      ))}
    </nav>
  );
}
