// What every passkey challenge store keeps, whichever it is. Ids are the SHA-256 of the opaque
// ceremony id the browser holds: the store never sees the id itself.

export const CEREMONIES = ["registration", "authentication"] as const;
export type Ceremony = (typeof CEREMONIES)[number];

/** A ceremony in flight: the challenge the server issued and what it is bound to. */
export type StoredChallenge = {
  ceremony: Ceremony;
  /** base64url, as it went out in the options. */
  challenge: string;
  /**
   * Registration: the person the passkey is for (a new account's id-to-be). Authentication: the
   * signed-in person a re-proof must come from, or null for a sign-in by anyone's passkey.
   */
  userId: string | null;
  /** A new account's email and name, until its passkey is verified and the person made. */
  newPerson: { email: string; name: string } | null;
  expiresAt: Date;
};

export type ChallengeStoreKind = "database" | "redis";

export interface ChallengeStore {
  readonly kind: ChallengeStoreKind;
  /** Keeps `challenge` under `id` until it expires (or is taken). */
  save(id: string, challenge: StoredChallenge): Promise<void>;
  /**
   * Takes the challenge away in one atomic step (DELETE … RETURNING, GETDEL): of any number of
   * requests presenting the same id, on any instance, exactly one gets it, and only once. Null
   * when it is not there, was taken already, or has expired (an expired one is taken all the same).
   */
  take(id: string): Promise<StoredChallenge | null>;
}
