import Link from "next/link";
import { SubmitButton } from "@/app/_components/form";
import { continueAfterProof } from "../actions";

/**
 * A recent proof, but no re-proof of this browser's own to carry on from (a link from another
 * site, a reload, a bookmark): the page says what would happen and waits for the person to press
 * Continue. Nothing here sends itself; it is a plain form, so it works without JavaScript too.
 */
export function ContinueOnPress({
  fields,
  what,
  next,
}: {
  fields: Record<string, string>;
  /** In the person's words: "unlink GitHub". */
  what: string;
  next: string;
}) {
  return (
    <form action={continueAfterProof} className="space-y-3 card">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p>
        You are about to <strong>{what}</strong>.
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your sign-in is recent, so nothing more is asked of you, but nothing happens until you press
        Continue. If you didn&apos;t ask for this (a link can bring anyone here), cancel.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Continuing…" className="btn-primary">
          Continue
        </SubmitButton>
        <Link href={next} className="link">
          Cancel
        </Link>
      </div>
    </form>
  );
}
