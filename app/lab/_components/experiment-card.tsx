import type { ReactNode } from "react";

/** An experiment's card. Its heading's id is what links into the lab point at (#experiment-…). */
export function ExperimentCard({
  name,
  title,
  children,
}: {
  name: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <article
      className="space-y-3 card"
      aria-labelledby={`experiment-${name}`}
      data-testid={`experiment-${name}`}
    >
      <h3 id={`experiment-${name}`} className="font-semibold">
        {title}
      </h3>
      {children}
    </article>
  );
}
