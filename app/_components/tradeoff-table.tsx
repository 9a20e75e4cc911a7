import { STRATEGY_LIST } from "@/lib/auth/names";
import { StrategyDot } from "./strategy-dot";
import { type Tradeoff, TRADEOFFS } from "./tradeoffs";

const COLUMNS = STRATEGY_LIST;

/**
 * The trade-offs, side by side. On a wide screen a table; on a phone each trade-off is a card
 * with the three strategies stacked in it, so the comparison survives a narrow screen.
 */
export function TradeoffTable() {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-zinc-200 md:block dark:border-zinc-800">
        <table className="w-full border-collapse text-left text-sm">
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
              <tr
                key={row.topic}
                className="border-t border-zinc-200 align-top dark:border-zinc-800"
              >
                <th scope="row" className="p-3 font-medium">
                  {row.topic}
                  <ProofLink proof={row.proof} className="mt-1 block text-xs link font-normal" />
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
      <ul
        className="space-y-3 md:hidden"
        aria-label="How the three strategies compare"
        data-testid="tradeoff-cards"
      >
        {TRADEOFFS.map((row) => (
          <li key={row.topic} className="space-y-2 card">
            <h3 className="font-semibold">{row.topic}</h3>
            <dl className="space-y-2 text-sm">
              {COLUMNS.map((column) => (
                <div key={column.id}>
                  <dt className="flex items-center gap-2 font-medium">
                    <StrategyDot id={column.id} /> {column.short}
                  </dt>
                  <dd className="text-zinc-700 dark:text-zinc-300">{row.cells[column.id]}</dd>
                </div>
              ))}
            </dl>
            <ProofLink proof={row.proof} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Where the lab proves a trade-off, if it does; in the table it sits under the topic. */
function ProofLink({
  proof,
  className = "text-xs link",
}: {
  proof: Tradeoff["proof"];
  className?: string;
}) {
  if (!proof) return null;
  return (
    <a href={proof.href} className={className}>
      {proof.label} →
    </a>
  );
}
