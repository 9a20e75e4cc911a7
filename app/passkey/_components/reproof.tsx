"use client";

import { continueAfterProof } from "@/app/account/actions";
import { finishCeremony, getCredential, startCeremony } from "./webauthn";
import { Problem, useCeremony } from "./use-ceremony";

/**
 * The re-proof by passkey on the confirmation page, the strongest proof there is: this browser
 * gets new credentials carrying it, then carries on at once with what was being confirmed.
 */
export function PasskeyReproof({ fields }: { fields: Record<string, string> }) {
  const { pending, problem, run } = useCeremony();
  return (
    <div className="space-y-3">
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        aria-disabled={pending}
        onClick={() =>
          run(async () => {
            const { ceremonyId, options } = await startCeremony("authenticate", {
              purpose: "reproof",
            });
            const response = await getCredential(options);
            await finishCeremony("authenticate", { ceremonyId, response });
            const form = new FormData();
            for (const [name, value] of Object.entries(fields)) form.set(name, value);
            await continueAfterProof(form);
          })
        }
      >
        {pending ? "Waiting for your passkey…" : "Confirm with a passkey"}
      </button>
      <Problem text={problem} />
    </div>
  );
}
