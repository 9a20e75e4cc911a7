import type { Metadata, Route } from "next";
import Link from "next/link";
import { GLOSSARY } from "@/lib/glossary";

export const metadata: Metadata = { title: "Glossary" };

const ENTRIES = [...GLOSSARY].sort((a, b) =>
  a.term.replace(/^_+/, "").localeCompare(b.term.replace(/^_+/, ""), "en", { sensitivity: "base" }),
);

// Every term the lab and the interview room use, in one place; answers link here.
export default function GlossaryPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Glossary</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          The {ENTRIES.length} terms the lab and the{" "}
          <Link href="/interview" className="link">
            interview room
          </Link>{" "}
          use, each in a sentence or three, with where this app shows it live.
        </p>
      </header>
      <dl className="space-y-4">
        {ENTRIES.map((entry) => (
          <div
            key={entry.id}
            id={entry.id}
            className="scroll-mt-4 space-y-1 card target:ring-2 target:ring-sky-600"
            data-testid="glossary-entry"
          >
            <dt className="font-semibold">
              {entry.term}
              {entry.aliases?.length ? (
                <span className="font-normal text-zinc-600 dark:text-zinc-400">
                  {" "}
                  (also: {entry.aliases.join(", ")})
                </span>
              ) : null}
            </dt>
            <dd className="text-zinc-700 dark:text-zinc-300">
              {entry.definition}
              {entry.seeAlso ? (
                <>
                  {" "}
                  <Link href={entry.seeAlso.href as Route} className="link">
                    See it: {entry.seeAlso.label}
                  </Link>
                </>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
