/**
 * Data shown as formatted JSON. Long values (ids, hashes) wrap rather than run off the edge; a
 * tall block scrolls, so it takes keyboard focus and carries a label for screen readers.
 */
export function JsonBlock({
  value,
  label,
  tall = false,
}: {
  value: unknown;
  label: string;
  tall?: boolean;
}) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className={`overflow-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap dark:bg-zinc-950 ${tall ? "max-h-64" : ""}`}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
