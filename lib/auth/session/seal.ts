import "server-only";
import { sealData, unsealData } from "iron-session";
import { BoundedMap } from "@/lib/bounded-map";
import { sealPasswords, sessionLifetimes } from "./config";

// The cookie carries the session token sealed (encrypted and authenticated) by iron-session.
// Unsealing derives keys with PBKDF2 and costs ~0.3 ms; a seal never changes for a given
// token, so its result is memoised in a small bounded cache. Revocation is unaffected: the
// token is still looked up in the database on every request.

/** Cookies larger than this are refused before any crypto runs. */
export const MAX_SEAL_LENGTH = 1024;
const cache = new BoundedMap<string, string>(1000);

type SealedSession = { t?: unknown };

export async function sealToken(token: string): Promise<string> {
  const ttl = Math.ceil(sessionLifetimes().absoluteMs / 1000);
  return sealData({ t: token } satisfies SealedSession, { password: sealPasswords(), ttl });
}

/** The token inside a seal, or null for anything tampered, foreign, truncated, expired or oversized. */
export async function unsealToken(seal: string): Promise<string | null> {
  if (seal.length === 0 || seal.length > MAX_SEAL_LENGTH) return null;
  const cached = cache.get(seal);
  if (cached !== undefined) return cached;

  let data: SealedSession;
  try {
    const ttl = Math.ceil(sessionLifetimes().absoluteMs / 1000);
    data = await unsealData<SealedSession>(seal, { password: sealPasswords(), ttl });
  } catch {
    return null; // malformed beyond what iron-session itself tolerates
  }
  if (typeof data.t !== "string" || data.t.length === 0) return null;

  cache.set(seal, data.t);
  return data.t;
}
