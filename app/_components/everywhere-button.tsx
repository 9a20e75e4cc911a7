import { signOutEverywhereEveryStrategy } from "@/app/account/actions";
import type { StrategyId } from "@/lib/auth/names";
import { ConfirmAction } from "./confirm-action";

/** The account-wide kill switch, offered on every strategy's account pages. */
export function EverywhereButton({ via }: { via: StrategyId | "account" }) {
  return (
    <ConfirmAction
      action={signOutEverywhereEveryStrategy}
      fields={{ via }}
      label="Sign out everywhere, every strategy"
      confirmLabel="Yes, end every sign-in"
      pendingLabel="Signing out everywhere…"
      warning="Every browser signed in to your account is signed out, under all three strategies, this one included: server sessions, JWT sign-ins and provider sessions. Copied tokens stop working in the app at once."
    />
  );
}
