import Link from "next/link";
import type { Needs } from "@/lib/lab/catalogue";

/** "Needs: …" with the link that gets it, for a lab part or experiment this browser can't run yet. */
export function NeedsNote({ needs, testId }: { needs: Needs; testId: string }) {
  if (!needs) return null;
  // Why it is missing first, when the browser had it: then the way forward.
  if (needs.cause)
    return (
      <p className="text-sm" data-testid={testId}>
        {needs.cause}:{" "}
        <Link href={needs.href as never} className="link">
          {needs.text}
        </Link>
        .
      </p>
    );
  return (
    <p className="text-sm" data-testid={testId}>
      Needs:{" "}
      <Link href={needs.href as never} className="link">
        {needs.text}
      </Link>
    </p>
  );
}
