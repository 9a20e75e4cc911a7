import "server-only";
import { type Ceremony, challengeStore, type StoredChallenge } from "@/lib/store/challenges";
import { generateToken, hashToken } from "../tokens";
import { challengeLifetimeMs } from "./config";

// A ceremony in flight. The browser holds an opaque ceremony id (256 random bits) and nothing
// else: the challenge, what it is for and until when live on the server, under the id's SHA-256.
// The answer takes it away before anything is verified, whatever the outcome, so a replayed
// answer, a second tab or another instance finds nothing, even for a synced passkey whose
// counter stays 0.

export type CeremonyStart = Omit<StoredChallenge, "expiresAt">;

/** Keeps the challenge server-side; the ceremony id is what the browser sends back. */
export async function beginCeremony(start: CeremonyStart, store = challengeStore()) {
  const ceremonyId = generateToken();
  await store.save(hashToken(ceremonyId), {
    ...start,
    expiresAt: new Date(Date.now() + challengeLifetimeMs()),
  });
  return ceremonyId;
}

/**
 * The ceremony's challenge, taken (used up) in one atomic step, if it is still there, unexpired
 * and of the ceremony asked for. A challenge of the other ceremony is used up all the same.
 */
export async function takeCeremony(
  ceremonyId: string,
  ceremony: Ceremony,
  store = challengeStore(),
): Promise<StoredChallenge | null> {
  const taken = await store.take(hashToken(ceremonyId));
  return taken?.ceremony === ceremony ? taken : null;
}
