// The one way Auth Lab writes an instant: "30 Nov 2026, 15:28:12 UTC" (or just the time of day,
// where the day is obvious), with the exact ISO value for machines and tooltips.

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});
const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "UTC" });

/** The instant as text, in the app's one format. */
export function formatInstant(value: Date | string, timeOnly = false): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return `${(timeOnly ? TIME : DATE_TIME).format(date)} UTC`;
}

export function Time({ value, timeOnly = false }: { value: Date | string; timeOnly?: boolean }) {
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {formatInstant(date, timeOnly)}
    </time>
  );
}
