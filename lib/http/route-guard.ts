import "server-only";
import { type ErrorCode, jsonError } from "./json";
import type { ServerTiming } from "./server-timing";

// A guarded route's authenticator: who the request's credential names, or why not, in the
// standard shapes. The strategies' guards (lib/auth/*/route-auth.ts) say what else they know of
// the person (lib/auth/http/authenticator.ts); here a person is an id, and whatever comes with it.

/** A person as a guard knows them; a guard that read the credential's row also says its proof. */
export type GuardedUser = {
  id: string;
  /** The proof the credential came from, in the guard's own terms. */
  provenance?: unknown;
  /** When the credential ends whatever happens (its absolute lifetime), where the guard knows. */
  endsAt?: Date;
};
export type AuthFailure = {
  status: 400 | 401;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
};
export type Authenticator<User extends GuardedUser = GuardedUser> = (
  request: Request,
  timing: ServerTiming,
) => Promise<User | AuthFailure | null>;

/** What a guarded route's handler is given. */
export type Guarded<User extends GuardedUser> = {
  /** Who: the person's id, and their email and name where the guard read them. */
  user: Omit<User, "provenance" | "endsAt">;
  /** The proof the credential came from, where the guard read its row. */
  provenance?: User["provenance"];
  /** When the credential ends whatever happens, where the guard knows. */
  endsAt?: Date;
  timing: ServerTiming;
};

const isFailure = (result: GuardedUser | AuthFailure): result is AuthFailure => "status" in result;

/** Runs the guard: the person, or the 401 (or the guard's own 400/401) in the standard shape. */
export async function guard<User extends GuardedUser>(
  request: Request,
  timing: ServerTiming,
  authenticate: Authenticator<User>,
  strategy: string,
): Promise<Guarded<User> | Response> {
  const result = await authenticate(request, timing);
  if (!result)
    return jsonError(401, "unauthorized", `Sign in with the ${strategy} strategy first.`);
  if (isFailure(result))
    return jsonError(result.status, result.code, result.message, result.headers);
  const { provenance, endsAt, ...user } = result;
  return { user, provenance, endsAt, timing };
}
