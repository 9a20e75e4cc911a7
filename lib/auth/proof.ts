// Two facts every credential carries, whatever the strategy (a plain module: the lab and client
// components name the methods too):
// - the proof it came from: when the person last proved who they are (a password typed, a
//   provider sign-in, a passkey), and how. A sign-in sets it; a refresh, a slide or an exchange
//   copies it and never makes it newer; only a new proof (a re-proof) moves it on. Sensitive
//   actions ask for a recent one (lib/auth/account/recent-proof.ts).
// - the person's credential epoch when it was made, read before the proof was checked. The kill
//   switch bumps the epoch in its transaction, and every guard compares it in the read it already
//   makes: a credential made with the old password is dead, however its creation raced the change.

export const PROOF_METHODS = ["password", "google", "github", "passkey", "demo"] as const;
export type ProofMethod = (typeof PROOF_METHODS)[number];

export const isProofMethod = (value: unknown): value is ProofMethod =>
  typeof value === "string" && (PROOF_METHODS as readonly string[]).includes(value);

/** What a credential records of where it came from. */
export type Provenance = {
  /** The person's credential epoch when the proof was checked. */
  epoch: number;
  /** When the person proved who they are. */
  authTime: Date;
  method: ProofMethod;
};

/** How each proof reads in a sentence ("you signed in with …"). */
export const PROOF_NAMES: Record<ProofMethod, string> = {
  password: "your password",
  google: "a Google sign-in",
  github: "a GitHub sign-in",
  passkey: "a passkey",
  demo: "the demo sign-in",
};

/** A proof made just now, for a person read (with their epoch) before it was checked. */
export const provenNow = (epoch: number, method: ProofMethod): Provenance => ({
  epoch,
  authTime: new Date(),
  method,
});

/** A stored method as read back; anything unexpected counts as the weakest (a demo). */
export const proofMethodOf = (value: unknown): ProofMethod =>
  isProofMethod(value) ? value : "demo";
