import "server-only";
import { isProviderId, type ProviderId } from "../names";
import { type EverywhereScope, isEverywhereScope } from "./everywhere";
import type { Pending, SensitiveAction } from "./recent-proof";

// What the confirmation page carries on with once the person has confirmed, read one way: the
// page says it in words (and asks before doing it), the server action does it, and the two can't
// disagree about what a combination of fields means. Any other combination (an action with the
// wrong field, a field alone) carries on with nothing: the browser just goes back to `next`.

export type PendingStep =
  | { action: "link" | "unlink"; provider: ProviderId }
  | { action: "remove-passkey"; passkey: string }
  | { action: "sign-out-everywhere"; via: EverywhereScope };

export function pendingStep(action: SensitiveAction, pending: Pending): PendingStep | null {
  if ((action === "link" || action === "unlink") && isProviderId(pending.provider))
    return { action, provider: pending.provider };
  if (action === "remove-passkey" && pending.passkey) return { action, passkey: pending.passkey };
  if (action === "sign-out-everywhere" && isEverywhereScope(pending.via))
    return { action, via: pending.via };
  return null;
}
