import { Time } from "@/app/_components/time";
import { HTTP_FIGURES, type HttpFigureId } from "@/lib/lab/http-figures";

// What the guards do to a whole request over HTTP: the repository's benchmark (npm run
// bench:http), the same run as the README's table: every route sent the same requests a second,
// and the server's CPU per request compared with a route that does no work.

const TARGETS: Record<HttpFigureId, string> = {
  baseline: "No work (the baseline)",
  jwks: "The JWKS (reads the lab's keys)",
  health: "One database query (health check)",
  session: "Session",
  "jwt-checked": "JWT, checked",
  "jwt-stateless": "JWT, stateless (a downstream service)",
  oauth: "OAuth (Auth.js database session)",
};

export function HttpFiguresTable() {
  const figures = HTTP_FIGURES;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="http-figures">
          <caption className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <code>{figures.command}</code> on {figures.machine}, <Time value={figures.date} />: one
            production server,{" "}
            {figures.rate
              ? `${figures.rate} requests a second to each route`
              : `${figures.connections} connections, as fast as it answers`}
            , {figures.rounds} rounds of {figures.durationSeconds} s, routes interleaved, medians.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="py-1">
                Route
              </th>
              <th scope="col">CPU per request</th>
              <th scope="col">Of the baseline</th>
              <th scope="col">p99</th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((row) => (
              <tr
                key={row.id}
                data-testid={`http-${row.id}`}
                className="border-t border-zinc-200 dark:border-zinc-800"
              >
                <th scope="row" className="py-1 pr-2 font-medium">
                  {TARGETS[row.id]}
                </th>
                <td className="tabular-nums">
                  {row.cpuUs === null ? "–" : `${row.cpuUs.toLocaleString("en")} µs`}
                </td>
                <td className="tabular-nums" data-ratio={row.ratio}>
                  {row.ratio.toFixed(2)}
                </td>
                <td className="tabular-nums">{row.p99Ms} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
