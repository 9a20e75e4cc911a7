import { signOutEverywhereJwt } from "@/app/jwt/actions";
import { signOutEverywhereOAuth } from "@/app/oauth/actions";
import { signOutEverywhereAction } from "@/app/session/devices/actions";
import type { StrategyId } from "@/lib/auth/names";
import { ConfirmAction } from "./confirm-action";

// Side by side, so the three warnings say the same thing the same way: what ends, and that the
// other strategies' sign-ins are left alone (EverywhereButton is the one that ends them all).
const EVERYWHERE = {
  session: {
    action: signOutEverywhereAction,
    confirmLabel: "Yes, end every server session",
    pendingLabel: "Signing out…",
    warning:
      "Every server session of yours ends, this browser's included. Your JWT sign-ins and provider sessions are not touched.",
  },
  jwt: {
    action: signOutEverywhereJwt,
    confirmLabel: "Yes, revoke every JWT sign-in",
    pendingLabel: "Revoking…",
    warning:
      "Every refresh family of yours is revoked, this browser's included, and every access token is refused by the app at once. Your server sessions and provider sessions are not touched.",
  },
  oauth: {
    action: signOutEverywhereOAuth,
    confirmLabel: "Yes, end every provider session",
    pendingLabel: "Signing out…",
    warning:
      "Every Auth.js session of yours ends, this browser's included. Your server sessions and JWT sign-ins are not touched.",
  },
} satisfies Record<StrategyId, { action: () => Promise<void> } & Record<string, unknown>>;

/** Ends every sign-in of one strategy, this browser's too, after asking. */
export function SignOutEverywhere({ strategy }: { strategy: StrategyId }) {
  return <ConfirmAction label="Sign out everywhere" {...EVERYWHERE[strategy]} />;
}
