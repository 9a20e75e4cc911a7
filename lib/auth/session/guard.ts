import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ServerTiming } from "@/lib/http/server-timing";
import { isStoreUnavailable } from "@/lib/store/errors";
import { sessionStoreKind } from "@/lib/store/sessions";
import { STRATEGIES } from "../names";
import { readSessionCookie } from "./cookie";
import { unsealToken } from "./seal";
import { type SessionValidation, validateSessionToken } from "./store";

// The session strategy's guard: cookie → unseal → one lookup of session and user → expiry checks.
// Pages, server actions and route handlers all ask it; proxy.ts never decides.

const SIGNED_OUT: SessionValidation = { session: null, user: null };

export async function authenticateSession(
  timing = new ServerTiming(),
  options: { peek?: boolean; request?: Request } = {},
): Promise<SessionValidation> {
  const seal = await readSessionCookie(options.request);
  if (!seal) return SIGNED_OUT;
  const token = await timing.measure("unseal", () => unsealToken(seal));
  if (!token) return { session: null, user: null, tampered: true };
  // The step is named after the store it asks (db, redis or memory), for Server-Timing.
  const step = sessionStoreKind() === "database" ? "db" : sessionStoreKind();
  return timing.measure(step, () => validateSessionToken(token, options));
}

/** For pages and actions, which show "unavailable" instead of failing: nobody is let in. */
async function failingClosed(work: () => Promise<SessionValidation>): Promise<SessionValidation> {
  try {
    return await work();
  } catch (error) {
    if (isStoreUnavailable(error)) return { session: null, user: null, unavailable: error.store };
    throw error;
  }
}

/** Once per request for pages and actions (React cache). */
export const getCurrentSession = cache(() => failingClosed(() => authenticateSession()));

/** Who is signed in, without writing anything: for background polling, never for access. */
export const peekSession = cache(() =>
  failingClosed(() => authenticateSession(undefined, { peek: true })),
);

/** For pages: the signed-in person, or a redirect to sign in (or to say the store is down) and back. */
export async function requireSession(returnTo: string) {
  const current = await getCurrentSession();
  const next = encodeURIComponent(returnTo);
  if (!current.session && current.unavailable)
    redirect(`/unavailable?store=${current.unavailable}&next=${next}`);
  if (!current.session) {
    const why = current.expired ? "&reason=expired" : current.ended ? "&reason=ended" : "";
    redirect(`${STRATEGIES.session.loginPath}?next=${next}${why}`);
  }
  return current;
}
