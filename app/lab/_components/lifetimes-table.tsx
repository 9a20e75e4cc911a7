import { StrategyDot } from "@/app/_components/strategy-dot";
import { configuredLifetimes } from "@/lib/lab/lifetimes";

/** A number of seconds as a person reads it: "30 min", "7 d". */
export function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Every credential's lifetimes, from this server's configuration. */
export function LifetimesTable() {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="lifetimes">
        <caption className="sr-only">Lifetimes of each credential, as configured</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">
              Credential
            </th>
            <th scope="col">Ends when unused for</th>
            <th scope="col">Ends at the latest after</th>
            <th scope="col">Set by</th>
          </tr>
        </thead>
        <tbody>
          {configuredLifetimes().map((row) => (
            <tr
              key={row.credential}
              className="border-t border-zinc-200 align-top dark:border-zinc-800"
            >
              <th scope="row" className="py-1 font-medium">
                <span className="flex items-center gap-2">
                  <StrategyDot id={row.strategy} /> {row.credential}
                </span>
              </th>
              <td>{row.idle === null ? "(cannot be extended)" : duration(row.idle)}</td>
              <td>{duration(row.absolute)}</td>
              <td className="font-mono text-xs break-all">{row.settings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
