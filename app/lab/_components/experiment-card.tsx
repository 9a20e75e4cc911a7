import type { ReactNode } from "react";
import { EXPERIMENT_REGISTRY, type ExperimentName } from "@/lib/lab/experiments";

// Its heading's id is what links into the lab point at (#experiment-…); its title is the
// registry's (lib/lab/experiments/index.ts), the one the table of contents shows.

/** An experiment's card: its heading (the registry's title) and whatever it shows. */
export function ExperimentCard({
  name,
  wide = false,
  children,
}: {
  name: ExperimentName;
  /** Spans every column of the grid. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <article
      className={`${wide ? "col-span-full space-y-4" : "space-y-3"} card`}
      aria-labelledby={`experiment-${name}`}
      data-testid={`experiment-${name}`}
    >
      <h3 id={`experiment-${name}`} className="font-semibold">
        {EXPERIMENT_REGISTRY[name].title}
      </h3>
      {children}
    </article>
  );
}
