"use client";

import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/form";
import { createCredential, finishCeremony, startCeremony } from "./webauthn";
import { Problem, useCeremony } from "./use-ceremony";

/** Another passkey for the person signed in (any strategy); it needs a recent proof. */
export function AddPasskey() {
  const router = useRouter();
  const { pending, problem, run } = useCeremony();
  const add = (form: HTMLFormElement) =>
    run(async () => {
      const name = new FormData(form).get("passkeyName");
      const { ceremonyId, options } = await startCeremony("register", { account: "current" });
      const response = await createCredential(options);
      await finishCeremony("register", { ceremonyId, response, name });
      form.reset();
      router.refresh();
    });
  return (
    <form
      className="space-y-4 card"
      onSubmit={(event) => {
        event.preventDefault();
        void add(event.currentTarget);
      }}
    >
      <Field
        name="passkeyName"
        label="Name for the new passkey"
        required
        maxLength={60}
        defaultValue="My passkey"
        hint="So you can tell your passkeys apart, e.g. “Work laptop”."
      />
      <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Creating your passkey…" : "Add a passkey"}
      </button>
      <Problem text={problem} />
    </form>
  );
}
