import type { StrategyId } from "@/lib/auth/names";

const COLOURS: Record<StrategyId, string> = {
  session: "bg-session",
  jwt: "bg-jwt",
  oauth: "bg-oauth",
};

/** The strategy's colour, used wherever it is named. Decorative: the text always says which. */
export function StrategyDot({ id, hollow = false }: { id: StrategyId; hollow?: boolean }) {
  return (
    <span
      aria-hidden
      className={`inline-block size-2.5 shrink-0 rounded-full ${hollow ? "border-2 border-current opacity-50" : COLOURS[id]}`}
    />
  );
}
