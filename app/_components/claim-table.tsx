import { HEADER_NOTES, PAYLOAD_NOTES } from "@/lib/tokens/claims";
import type { JsonObject } from "@/lib/tokens/anatomy";
import { Time } from "./time";

// One decoded part of a token as a table: each field, its value (times readable, with the raw
// number beside them), and what it means.

function relative(seconds: number, now: number | null): string {
  if (now === null) return "";
  const delta = seconds - now;
  const size = Math.abs(delta);
  const text =
    size < 60
      ? `${size} s`
      : size < 3600
        ? `${Math.round(size / 60)} min`
        : size < 172800
          ? `${Math.round(size / 3600)} h`
          : `${Math.round(size / 86400)} days`;
  return delta >= 0 ? `in ${text}` : `${text} ago`;
}

function Value({ value, time, now }: { value: unknown; time: boolean; now: number | null }) {
  if (time && typeof value === "number")
    return (
      <>
        <Time value={new Date(value * 1000)} />{" "}
        <span className="text-zinc-600 dark:text-zinc-400">
          {relative(value, now)} · <code>{value}</code>
        </span>
      </>
    );
  return <code className="break-all">{JSON.stringify(value)}</code>;
}

export function ClaimTable({
  part,
  values,
  now,
  className,
  changed = [],
  testId = `token-${part}`,
}: {
  part: "header" | "payload";
  values: JsonObject;
  now: number | null;
  className: string;
  /** Fields someone changed (a forgery, an edit): marked, and said so in words. */
  changed?: readonly string[];
  testId?: string;
}) {
  const notes = part === "header" ? HEADER_NOTES : PAYLOAD_NOTES;
  return (
    <figure className="min-w-0 space-y-1" data-testid={testId}>
      <figcaption className={`text-xs font-semibold tracking-wide uppercase ${className}`}>
        {part === "header" ? "Header: how it is signed" : "Payload: the claims"}
      </figcaption>
      <dl className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-xs dark:divide-zinc-800 dark:border-zinc-800">
        {Object.entries(values).map(([name, value]) => {
          const note = notes[name];
          return (
            <div
              key={name}
              className={`space-y-0.5 p-2 ${changed.includes(name) ? "bg-amber-100 dark:bg-amber-950" : ""}`}
              data-claim={name}
              data-changed={changed.includes(name) || undefined}
            >
              <dt className="flex flex-wrap items-baseline gap-x-2">
                {changed.includes(name) ? (
                  <mark className="rounded bg-amber-200 px-0.5 font-mono font-semibold text-zinc-900 dark:bg-amber-400">
                    {name}
                  </mark>
                ) : (
                  <code className="font-semibold">{name}</code>
                )}
                {changed.includes(name) ? (
                  <span className="font-semibold text-amber-800 dark:text-amber-300">changed</span>
                ) : null}
                {note ? (
                  <span className="text-zinc-600 dark:text-zinc-400">{note.name}</span>
                ) : null}
              </dt>
              <dd className="font-mono">
                <Value value={value} time={note?.time === true} now={now} />
              </dd>
              {note ? <dd className="text-zinc-600 dark:text-zinc-400">{note.meaning}</dd> : null}
            </div>
          );
        })}
      </dl>
    </figure>
  );
}
