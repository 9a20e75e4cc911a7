import type { StrategyId } from "@/lib/auth/events";
import { StrategyDot } from "./strategy-dot";

/** The page of a strategy or view that is not built yet: what it will show, honestly. */
export function ComingSoon({
  id,
  title,
  points,
}: {
  id?: StrategyId;
  title: string;
  points: string[];
}) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="flex items-center gap-2 text-2xl font-bold">
        {id ? <StrategyDot id={id} /> : null}
        {title}
      </h1>
      <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        Not built yet. Here is what this page will let you do:
      </p>
      <ul className="list-disc space-y-1 pl-6 text-zinc-700 dark:text-zinc-300">
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </div>
  );
}
