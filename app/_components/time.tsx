/** A timestamp people can read, with the exact value for machines and tooltips. */
export function Time({ value }: { value: Date | string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = date.toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  });
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {text} UTC
    </time>
  );
}
