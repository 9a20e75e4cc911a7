import type { CSSProperties, ReactNode } from "react";
import type { Diagram, Message, Note, Tone } from "./sequence-types";

// A sequence diagram drawn with CSS grid: one equal column per participant, a lifeline at each
// column's centre, one grid row per step. The <ol> carries the meaning (each step reads as a
// sentence, "Browser to App server: …"); lines and arrowheads are decoration, hidden from
// assistive technology, so nothing is said by the drawing alone.

// Whole class names, so Tailwind finds them; the data keeps to four participants (phone width).
const COLUMNS: Record<number, string> = { 2: "grid-cols-2", 3: "grid-cols-3", 4: "grid-cols-4" };
const TONE: Record<Tone, string> = { ok: "text-success", refused: "text-danger" };
// Text sits on the card's own background, so lifelines pass behind it instead of through it.
const ON_CARD = "bg-white box-decoration-clone dark:bg-zinc-900";
const MUTED = "text-zinc-600 dark:text-zinc-400";
const PARTICIPANT =
  "mx-0.5 rounded-md border border-zinc-300 bg-zinc-100 px-0.5 py-1 text-center text-xs font-semibold wrap-break-word hyphens-auto dark:border-zinc-600 dark:bg-zinc-800";
const LIFELINE = "mx-auto w-0 border-l border-dashed border-zinc-300 dark:border-zinc-600";

/** Explicit rows: auto-placement would pack a step into an earlier row whose columns are free. */
const place = (row: number, start: number, span: number): CSSProperties => ({
  gridRow: row,
  gridColumn: `${start + 1} / span ${span}`,
});

/** The colour is repeated as a glyph, and as words for screen readers. */
function Outcome({ tone }: { tone?: Tone }) {
  if (!tone) return null;
  return (
    <>
      <span aria-hidden>{tone === "ok" ? "\u00a0✓" : "\u00a0✗"}</span>
      <span className="sr-only"> ({tone === "ok" ? "succeeds" : "refused"})</span>
    </>
  );
}

type ItemProps<S> = { step: S; row: number; ids: readonly string[]; name: (id: string) => string };

function MessageItem({ step, row, ids, name }: ItemProps<Message>) {
  const from = ids.indexOf(step.from);
  const to = ids.indexOf(step.to);
  const span = Math.abs(to - from) + 1;
  return (
    <li style={place(row, Math.min(from, to), span)} className="min-w-0 text-xs">
      <span className={`block px-1 text-center wrap-anywhere ${step.tone ? TONE[step.tone] : ""}`}>
        <span className="sr-only">{`${name(step.from)} to ${name(step.to)}: `}</span>
        <span className={ON_CARD}>
          {step.label}
          <Outcome tone={step.tone} />
        </span>
      </span>
      {/* From the centre of the first column to the centre of the last: no padding on the <li>,
          so the percentage is of the spanned width, and half a column is 50 / span of it. */}
      <span
        aria-hidden
        className={`relative my-0.5 block h-2 ${step.tone ? TONE[step.tone] : "text-zinc-500 dark:text-zinc-400"}`}
        style={{ marginInline: `${50 / span}%` }}
      >
        <span
          className={`absolute inset-x-0 top-1/2 -translate-y-1/2 border-t-[1.5px] border-current ${step.reply ? "border-dashed" : ""}`}
        />
        <svg
          viewBox="0 0 8 8"
          className={`absolute top-0 size-2 fill-current ${to < from ? "left-0 rotate-180" : "right-0"}`}
        >
          <path d="M0 0 8 4 0 8z" />
        </svg>
      </span>
      {step.detail ? (
        <span className={`block px-1 text-center wrap-anywhere ${MUTED}`}>
          <span className="sr-only">. </span>
          <span className={ON_CARD}>{step.detail}</span>
        </span>
      ) : null}
    </li>
  );
}

function NoteItem({ step, row, ids, name }: ItemProps<Note>) {
  // Centred on its lifeline and reaching halfway to each neighbour's (never covering theirs), so
  // a note has room for a few words even on a phone.
  const at = ids.indexOf(step.at);
  const start = Math.max(0, at - 1);
  const span = Math.min(ids.length - 1, at + 1) - start + 1;
  const gap = `calc(${50 / span}% + 0.25rem)`;
  const border = step.tone
    ? `border-current ${TONE[step.tone]}`
    : "border-zinc-300 dark:border-zinc-600";
  return (
    <li style={place(row, start, span)} className="min-w-0">
      <div
        className={`rounded-md border bg-zinc-50 px-1.5 py-1 text-xs wrap-anywhere dark:bg-zinc-800 ${border}`}
        style={{
          marginInlineStart: at > 0 ? gap : 0,
          marginInlineEnd: at < ids.length - 1 ? gap : 0,
        }}
      >
        <span className="sr-only">{`Inside ${name(step.at)}: `}</span>
        {step.label}
        <Outcome tone={step.tone} />
        {step.detail ? (
          <span className={`block ${MUTED}`}>
            <span className="sr-only">. </span>
            {step.detail}
          </span>
        ) : null}
      </div>
    </li>
  );
}

const RULE = <span aria-hidden className="h-px flex-1 bg-zinc-300 dark:bg-zinc-700" />;

/** `lead` goes before the title: the strategy's colour dot, say. */
type Props = Diagram & { lead?: ReactNode };

export function SequenceDiagram({ title, participants, steps, lead }: Props) {
  const ids = participants.map((participant) => participant.id);
  const name = (id: string) =>
    participants.find((participant) => participant.id === id)?.label ?? id;
  const columns = COLUMNS[ids.length] ?? "grid-cols-4";

  return (
    <figure className="min-w-0 space-y-3 card p-3 sm:p-4">
      <figcaption className="flex items-center gap-2 text-sm font-semibold">
        {lead}
        {title}
      </figcaption>
      <div>
        <ul aria-label="Participants" className={`grid ${columns}`}>
          {participants.map((participant) => (
            <li key={participant.id} className={PARTICIPANT}>
              {participant.label}
            </li>
          ))}
        </ul>
        <div className="relative">
          <div aria-hidden className={`pointer-events-none absolute inset-0 grid ${columns}`}>
            {ids.map((id) => (
              <div key={id} className={LIFELINE} />
            ))}
          </div>
          {/* role="list": Safari drops the list role from a list styled without markers. */}
          <ol role="list" aria-label="Steps" className={`relative grid ${columns} gap-y-2.5 py-3`}>
            {steps.map((step, index) => {
              const props = { row: index + 1, ids, name };
              if ("scene" in step)
                return (
                  <li
                    key={index}
                    style={place(index + 1, 0, ids.length)}
                    className="flex items-center gap-2 pt-1"
                  >
                    {RULE}
                    <span className={`${ON_CARD} px-1 text-xs font-medium italic ${MUTED}`}>
                      {step.scene}
                    </span>
                    {RULE}
                  </li>
                );
              return "at" in step ? (
                <NoteItem key={index} {...props} step={step} />
              ) : (
                <MessageItem key={index} {...props} step={step} />
              );
            })}
          </ol>
        </div>
      </div>
    </figure>
  );
}
