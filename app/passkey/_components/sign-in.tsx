"use client";

import { useEffect } from "react";
import {
  autofillSupported,
  finishCeremony,
  getCredential,
  PasskeyProblem,
  startCeremony,
  stopAutofill,
} from "./webauthn";
import { Problem, useCeremony } from "./use-ceremony";

/**
 * Sign in with a passkey: from the browser's autofill on the field (conditional UI, waiting from
 * the moment the page loads), or with the button. Either way the server starts a session of the
 * session strategy, and the browser goes on to `next`.
 */
export function PasskeySignIn({ next }: { next: string }) {
  const { pending, problem, run } = useCeremony();

  const signIn = async (conditional: boolean) => {
    const { ceremonyId, options } = await startCeremony("authenticate", { purpose: "sign-in" });
    const response = await getCredential(options, { conditional });
    await finishCeremony("authenticate", { ceremonyId, response });
    window.location.assign(next);
  };

  useEffect(() => {
    let live = true;
    const listen = async () => {
      if (!(await autofillSupported()) || !live) return;
      try {
        await signIn(true);
      } catch (error) {
        // Stopped for another ceremony, or left alone: only a real refusal is worth saying.
        if (error instanceof PasskeyProblem && ["aborted", "cancelled"].includes(error.code))
          return;
        void run(() => Promise.reject(error));
      }
    };
    void listen();
    return () => {
      live = false;
      stopAutofill();
    };
    // Once per page: the autofill waits for as long as the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="space-y-4 card">
      <div className="space-y-1.5">
        <label htmlFor="passkey-username" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="passkey-username"
          name="username"
          type="text"
          autoComplete="username webauthn"
          className="field-input"
          aria-describedby="passkey-username-hint"
        />
        <p id="passkey-username-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
          Click the field: your browser offers the passkeys it holds for this site.
        </p>
      </div>
      <button
        type="button"
        className="btn-primary w-full"
        disabled={pending}
        aria-disabled={pending}
        onClick={() => run(() => signIn(false))}
      >
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </button>
      <Problem text={problem} />
    </div>
  );
}
