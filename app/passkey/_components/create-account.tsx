"use client";

import { Field } from "@/app/_components/form";
import { createCredential, finishCeremony, startCeremony } from "./webauthn";
import { Problem, useCeremony } from "./use-ceremony";

/** A new account whose only credential is a passkey: email and name, no password. */
export function CreateWithPasskey({ next }: { next: string }) {
  const { pending, problem, run } = useCeremony();
  const create = (form: HTMLFormElement) =>
    run(async () => {
      const data = new FormData(form);
      const { ceremonyId, options } = await startCeremony("register", {
        account: "new",
        email: data.get("email"),
        name: data.get("name"),
      });
      const response = await createCredential(options);
      await finishCeremony("register", { ceremonyId, response, name: "First passkey" });
      window.location.assign(next);
    });
  return (
    <form
      className="space-y-4 card"
      onSubmit={(event) => {
        event.preventDefault();
        void create(event.currentTarget);
      }}
    >
      <Field name="name" label="Your name" autoComplete="name" required maxLength={100} />
      <Field name="email" label="Your email" type="email" autoComplete="email" required />
      <button
        type="submit"
        className="btn-primary w-full"
        disabled={pending}
        aria-disabled={pending}
      >
        {pending ? "Creating your passkey…" : "Create an account with a passkey"}
      </button>
      <Problem text={problem} />
    </form>
  );
}
