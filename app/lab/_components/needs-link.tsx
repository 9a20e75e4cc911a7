import type { StrategyId } from "@/lib/auth/names";
import { LAB_PARTS, needsFor } from "@/lib/lab/catalogue";
import { NeedsNote } from "./needs-note";

/** What a lab part still needs from this browser, with the link to get it; nothing when ready. */
export function NeedsLink({ id, signedIn }: { id: string; signedIn: Record<StrategyId, boolean> }) {
  const part = LAB_PARTS.find((candidate) => candidate.id === id);
  return (
    <NeedsNote
      needs={part?.requires ? needsFor(part.requires, signedIn) : null}
      testId="part-needs"
    />
  );
}
