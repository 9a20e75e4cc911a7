import Link from "next/link";
import { type ContinueTarget, continueIntended } from "@/lib/auth/account/continue-intent";
import type { PendingStep } from "@/lib/auth/account/pending-step";
import { ContinueForm } from "./continue-form";
import { ContinueOnPress } from "./continue-on-press";
import { stepInWords } from "./step-words";

/**
 * The confirmation page once this browser's proof is recent. It carries on by itself only after a
 * re-proof this very browser started for exactly this (the nonce in the URL matches its cookie);
 * otherwise (a link from another site, a reload) the person reads what would happen and presses
 * Continue. Something that can't be done (a provider not linked, a passkey not theirs) is said,
 * and nothing is offered.
 */
export async function CarryOn({
  step,
  target,
  nonce,
  fields,
}: {
  step: PendingStep;
  target: ContinueTarget;
  /** As the URL brought it: anything. */
  nonce: unknown;
  fields: Record<string, string>;
}) {
  const [words, intended] = await Promise.all([
    stepInWords(step, target.userId),
    continueIntended(nonce, target),
  ]);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Confirm it&apos;s you</h1>
      {!words.ok ? (
        <>
          <p role="alert" className="rounded-lg border border-danger/40 bg-danger/5 p-3 text-sm">
            {words.problem} Nothing was changed.
          </p>
          <p>
            <Link href={target.next} className="link">
              Back
            </Link>
          </p>
        </>
      ) : intended ? (
        <ContinueForm fields={fields} label={words.text} />
      ) : (
        <ContinueOnPress fields={fields} what={words.text} next={target.next} />
      )}
    </div>
  );
}
