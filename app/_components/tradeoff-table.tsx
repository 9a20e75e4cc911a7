import { STRATEGY_LIST } from "@/lib/auth/names";
import { StrategyDot } from "./strategy-dot";
import { TRADEOFFS } from "./tradeoffs";

const COLUMNS = STRATEGY_LIST;

export function TradeoffTable() {
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label="Trade-off table (scrolls sideways on small screens)"
      className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800"
    >
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption className="sr-only">How the three strategies compare</caption>
        <thead className="bg-zinc-100 dark:bg-zinc-900">
          <tr>
            <th scope="col" className="w-44 p-3 font-semibold">
              Trade-off
            </th>
            {COLUMNS.map((column) => (
              <th key={column.id} scope="col" className="p-3 font-semibold">
                <span className="flex items-center gap-2">
                  <StrategyDot id={column.id} />
                  {column.label}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TRADEOFFS.map((row) => (
            <tr key={row.topic} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <th scope="row" className="p-3 font-medium">
                {row.topic}
                {row.proof ? (
                  <a href={row.proof.href} className="mt-1 block text-xs link font-normal">
                    {row.proof.label} →
                  </a>
                ) : null}
              </th>
              {COLUMNS.map((column) => (
                <td key={column.id} className="p-3 text-zinc-700 dark:text-zinc-300">
                  {row.cells[column.id]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
