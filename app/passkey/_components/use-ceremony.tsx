"use client";

import { useCallback, useState } from "react";
import { PasskeyProblem } from "./webauthn";

/**
 * One ceremony at a time from a button or a form: pending while it runs, its problem in a
 * sentence afterwards (a reauth_required goes to confirm it is you, and back).
 */
export function useCeremony() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setPending(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof PasskeyProblem && error.confirmUrl) {
        window.location.assign(error.confirmUrl);
        return;
      }
      setProblem(error instanceof Error ? error.message : "Something went wrong.");
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, problem, run };
}

/** The problem, announced; nothing while there is none. */
export function Problem({ text }: { text: string | null }) {
  return (
    <div aria-live="polite" role="status" className="min-h-5 text-sm">
      {text ? (
        <p className="text-danger" data-testid="passkey-problem">
          {text}
        </p>
      ) : null}
    </div>
  );
}
