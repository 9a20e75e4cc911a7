import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SilentRefresh } from "@/app/jwt/_components/silent-refresh";
import { StrategyDot } from "@/app/_components/strategy-dot";
import { Time } from "@/app/_components/time";
import { getStrategy, signInPathFor, strategies, strategyIdSchema } from "@/lib/auth/strategies";
import { listNotes, NOTE_MAX_LENGTH } from "@/lib/notes";
import { createNoteAction, deleteNoteAction } from "./actions";
import { NoteForm } from "./note-form";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage({ searchParams }: PageProps<"/notes">) {
  const via = strategyIdSchema.safeParse((await searchParams).via);
  if (!via.success) return <ChooseStrategy />;

  const strategy = getStrategy(via.data);
  const user = await strategy.currentUser();
  if (!user && (await strategy.recoverable?.())) return <SilentRefresh />;
  if (!user) redirect(await signInPathFor(strategy, `/notes?via=${strategy.id}`));

  const notes = await listNotes(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader strategy={strategy.id} title={`Notes via ${strategy.label}`}>
        <p className="text-zinc-600 dark:text-zinc-400">
          The same notes, whichever way you signed in. This page, its actions and the API each ask
          the {strategy.short} guard who you are.
        </p>
      </PageHeader>
      <NoteForm
        action={createNoteAction.bind(null, strategy.id)}
        maxLength={NOTE_MAX_LENGTH}
        via={strategy.id}
      />
      <section aria-labelledby="notes-heading" className="space-y-3">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Your notes
        </h2>
        {notes.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No notes yet. Write the first one above.
          </p>
        ) : (
          <ul className="space-y-2">
            {notes.map((note) => (
              <li
                key={note.id}
                className="flex items-start justify-between gap-3 card"
                data-testid="note"
              >
                <div className="min-w-0 space-y-1">
                  <p className="break-words whitespace-pre-wrap">{note.body}</p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    <Time value={note.createdAt} /> · created via {note.createdVia}
                  </p>
                </div>
                <form action={deleteNoteAction.bind(null, strategy.id)}>
                  <input type="hidden" name="id" value={note.id} />
                  <button
                    type="submit"
                    className="btn-secondary px-3"
                    aria-label={`Delete note: ${note.body.slice(0, 40)}`}
                  >
                    Delete
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ChooseStrategy() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Notes</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Open your notes through one of the strategies:
      </p>
      <ul className="space-y-2">
        {strategies.map((strategy) => (
          <li key={strategy.id}>
            <Link href={`/notes?via=${strategy.id}`} className="flex items-center gap-2 link">
              <StrategyDot id={strategy.id} /> {strategy.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
