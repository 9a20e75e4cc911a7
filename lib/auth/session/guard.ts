import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ServerTiming } from "@/lib/http/server-timing";
import { readSessionCookie } from "./cookie";
import { unsealToken } from "./seal";
import { type SessionValidation, validateSessionToken } from "./store";

// The session strategy's guard: cookie → unseal → one lookup of session and user → expiry checks.
// Pages, server actions and route handlers all ask it; proxy.ts never decides.

const SIGNED_OUT: SessionValidation = { session: null, user: null };

export async function authenticateSession(
  timing = new ServerTiming(),
  options: { peek?: boolean } = {},
): Promise<SessionValidation> {
  const seal = await readSessionCookie();
  if (!seal) return SIGNED_OUT;
  const token = await timing.measure("unseal", () => unsealToken(seal));
  if (!token) return SIGNED_OUT;
  return timing.measure("db", () => validateSessionToken(token, options));
}

/** Once per request for pages and actions (React cache). */
export const getCurrentSession = cache(() => authenticateSession());

/** Who is signed in, without writing anything: for background polling, never for access. */
export const peekSession = cache(() => authenticateSession(undefined, { peek: true }));

/** For pages: the signed-in person, or a redirect to sign in and back. */
export async function requireSession(returnTo: string) {
  const current = await getCurrentSession();
  if (!current.session) redirect(`/session/login?next=${encodeURIComponent(returnTo)}`);
  return current;
}
