import type { ReactNode } from "react";

/** One of the lab's sections: a heading whose id the home page's trade-off links point at. */
export function LabSection({
  id,
  title,
  intro,
  card = false,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  /** Framed like a card (a single panel), rather than a heading over its own cards. */
  card?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={card ? "space-y-2 card" : "space-y-3"}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro ? <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{intro}</p> : null}
      {children}
    </section>
  );
}
