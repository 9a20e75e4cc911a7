import "server-only";
import { transaction } from "@/lib/db";
import type { ProofMethod } from "../proof";
import { hashToken } from "../tokens";
import { isProviderId, type ProviderId } from "@/lib/auth/names";

// A provider round trip started for a purpose, by a person who has just proved who they are:
// "link" (link this provider to me) or "reauth" (a provider sign-in that proves it is still me).
// It is bound to the OAuth transaction that carries it: its id is the SHA-256 of that round's
// `state`, which Auth.js checks against this browser's own state cookie before any callback of
// ours runs. So only the callback of that very round can use it, once; an unrelated provider
// sign-in in the same browser (an abandoned link, a different account) never sees it. It never
// becomes a session, and a kill switch since it was made voids it (its epoch).

export const INTENT_SECONDS = 5 * 60;

export type IntentPurpose = "link" | "reauth";
export type NewIntent = {
  purpose: IntentPurpose;
  userId: string;
  epoch: number;
  proof: ProofMethod;
  fromCredential: "session" | "jwt" | "oauth";
  returnTo: string;
};
export type ProviderIntent = NewIntent & { provider: ProviderId; createdAt: Date };

export async function recordIntent(
  state: string,
  provider: ProviderId,
  intent: NewIntent,
): Promise<void> {
  await transaction((tx) =>
    tx.providerIntent.create({
      data: {
        id: hashToken(state),
        provider,
        ...intent,
        expiresAt: new Date(Date.now() + INTENT_SECONDS * 1000),
      },
    }),
  );
}

/**
 * The intent of the round whose callback carries `state`, used up: deleted whether or not it
 * matches. Null when there is none, it is for another provider, it has expired, or the person's
 * epoch has moved since it was made.
 */
export async function consumeIntent(
  state: string | null,
  provider: string,
): Promise<ProviderIntent | null> {
  if (!state) return null;
  const id = hashToken(state);
  const row = await transaction(async (tx) => {
    // The delete first: two callbacks racing with one state can't both get the row.
    const found = await tx.providerIntent.findUnique({
      where: { id },
      include: { user: { select: { epoch: true } } },
    });
    const { count } = await tx.providerIntent.deleteMany({ where: { id } });
    return count === 1 ? found : null;
  });
  if (
    !row ||
    !isProviderId(row.provider) ||
    row.provider !== provider ||
    row.expiresAt.getTime() <= Date.now() ||
    row.epoch !== row.user.epoch ||
    (row.purpose !== "link" && row.purpose !== "reauth")
  )
    return null;
  return {
    purpose: row.purpose,
    userId: row.userId,
    epoch: row.epoch,
    proof: row.proof as ProofMethod,
    fromCredential: row.fromCredential as NewIntent["fromCredential"],
    returnTo: row.returnTo,
    provider: row.provider,
    createdAt: row.createdAt,
  };
}
