import "server-only";

// Proofs and the lab's people-making experiments do real work (argon2id hashes, sign-ins over
// HTTP, writes): at most this many run at once in a process. The rest are told to come back,
// rather than queue behind each other and slow everyone's sign-ins.

const MAX_IN_FLIGHT = 4;
let running = 0;

export class ProofsBusyError extends Error {
  constructor() {
    super("Too many proofs are running right now.");
  }
}

export async function oneOfFew<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_IN_FLIGHT) throw new ProofsBusyError();
  running++;
  try {
    return await work();
  } finally {
    running--;
  }
}
