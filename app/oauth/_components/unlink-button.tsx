import { ConfirmAction } from "@/app/_components/confirm-action";
import { providerName } from "@/lib/auth/names";
import { unlinkProvider } from "../actions";

/** Unlinking ends every other sign-in of the person, so it asks first. */
export function UnlinkButton({
  provider,
  from,
}: {
  provider: string;
  from: "oauth" | "password" | "account";
}) {
  const name = providerName(provider);
  return (
    <ConfirmAction
      action={unlinkProvider}
      fields={{ provider, from }}
      label={`Unlink ${name}`}
      confirmLabel={`Yes, unlink ${name}`}
      pendingLabel="Unlinking…"
      warning={`${name} will no longer sign you in. Every other browser signed in to your account is signed out too (sessions made through ${name} included); this one stays signed in.`}
    />
  );
}
