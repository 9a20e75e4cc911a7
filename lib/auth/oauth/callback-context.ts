import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { ProofMethod } from "../proof";

// What one provider callback learns on its way through Auth.js, for the steps Auth.js doesn't
// hand to each other: the adapter's createSession gets no word from the signIn callback. Each
// callback request runs in its own context (app/api/auth/[...nextauth]/route.ts), so concurrent
// sign-ins never mix.

export type CallbackContext = {
  /**
   * The callback's `state`: by the time any callback of ours runs, Auth.js has checked it against
   * this browser's own state cookie, so it names this very OAuth transaction.
   */
  state: string | null;
  /** The person the provider account belongs to, with their epoch, read before anything is made. */
  person?: { id: string; epoch: number };
  /** A person this callback made (a sign-up): the only one Auth.js may link an account to. */
  created?: string;
  /** The proof this callback is: which provider, and when the person really signed in there. */
  proof?: { method: ProofMethod; authTime: Date };
};

const contexts = new AsyncLocalStorage<CallbackContext>();

export function runInCallbackContext<T>(request: Request, work: () => Promise<T>): Promise<T> {
  return contexts.run({ state: new URL(request.url).searchParams.get("state") }, work);
}

/** The context of the callback being handled; an empty one outside a callback. */
export function callbackContext(): CallbackContext {
  return contexts.getStore() ?? { state: null };
}
