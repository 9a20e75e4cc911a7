import type { ComponentProps, ReactNode } from "react";

/**
 * One thing the person has (a sign-in, a device, a provider) as a card in a list: what it is,
 * a line of detail, and what can be done to it on the side, wrapping under it on a narrow screen.
 */
export function ItemCard({
  title,
  detail,
  side,
  ...item
}: {
  title: ReactNode;
  detail?: ReactNode;
  side?: ReactNode;
} & Omit<ComponentProps<"li">, "title" | "className" | "children">) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 card" {...item}>
      <div className="min-w-0 space-y-1">
        <p className="font-semibold">{title}</p>
        {detail ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{detail}</p> : null}
      </div>
      {side}
    </li>
  );
}
