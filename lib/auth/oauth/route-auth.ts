import "server-only";
import type { Authenticator } from "@/lib/auth/http/authenticator";
import { readOAuthSessionCookie, setOAuthSessionCookie } from "./cookie";
import { authenticateOAuthSession } from "./sessions";

/**
 * The Auth.js guard in the shape route handlers take: the session cookie, then one lookup of the
 * session with its person, exactly what Auth.js's own session check does for a database session
 * (same cookie, same adapter rules, the same sliding write at most once per updateAge, an ended
 * session deleted), without building Auth.js's configuration and handling a whole internal
 * request each time (lib/auth/oauth/sessions.ts: authenticateOAuthSession).
 */
export const authenticateOAuthRequest: Authenticator = async (request, timing) => {
  const token = await readOAuthSessionCookie(request);
  if (!token) return null;
  const found = await timing.measure("db", () => authenticateOAuthSession(token));
  if (!found) return null;
  // The row's expiry slid: the cookie's follows, or the browser would drop a live session.
  if (found.slidTo) await setOAuthSessionCookie(token, found.slidTo);
  const { user, provenance, endsAt } = found;
  return { id: user.id, email: user.email, name: user.name, provenance, endsAt };
};
