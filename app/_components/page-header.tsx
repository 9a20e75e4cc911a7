import type { ReactNode } from "react";
import type { StrategyId } from "@/lib/auth/names";
import { StrategyDot } from "./strategy-dot";

/** A strategy page's title, what it is about, and its actions (sign out, …) on the side. */
export function PageHeader({
  strategy,
  title,
  children,
  actions,
}: {
  strategy: StrategyId;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div className="space-y-1">
        <h1 className="flex items-center gap-2 text-2xl font-bold">
          <StrategyDot id={strategy} /> {title}
        </h1>
        {children ? <div className="text-zinc-600 dark:text-zinc-400">{children}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

/** A one-button form for a server action: sign out, sign out everywhere. */
export function ActionButton({
  action,
  children,
  variant = "secondary",
}: {
  action: () => Promise<void>;
  children: ReactNode;
  variant?: "secondary" | "danger";
}) {
  return (
    <form action={action}>
      <button type="submit" className={variant === "danger" ? "btn-danger" : "btn-secondary"}>
        {children}
      </button>
    </form>
  );
}
