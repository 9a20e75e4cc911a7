import Link from "next/link";
import type { StrategyId } from "@/lib/auth/names";
import { LAB_PARTS, needsFor } from "@/lib/lab/catalogue";

/** What a lab part still needs from this browser, with the link to get it; nothing when ready. */
export function NeedsLink({ id, signedIn }: { id: string; signedIn: Record<StrategyId, boolean> }) {
  const part = LAB_PARTS.find((candidate) => candidate.id === id);
  const needs = part?.requires ? needsFor(part.requires, signedIn) : null;
  if (!needs) return null;
  return (
    <p className="text-sm" data-testid="part-needs">
      Needs:{" "}
      <Link href={needs.href as never} className="link">
        {needs.text}
      </Link>
    </p>
  );
}
