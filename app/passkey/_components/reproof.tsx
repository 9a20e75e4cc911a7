"use client";

import { finishCeremony, getCredential, startCeremony } from "./webauthn";
import { Problem, useCeremony } from "./use-ceremony";

/**
 * The re-proof by passkey on the confirmation page: the strongest proof there is. The page then
 * finds the proof recent and carries on with what was being confirmed.
 */
export function PasskeyReproof() {
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
            window.location.reload();
          })
        }
      >
        {pending ? "Waiting for your passkey…" : "Confirm with a passkey"}
      </button>
      <Problem text={problem} />
    </div>
  );
}
