import "server-only";
import { getEnv } from "@/lib/env";

// Who the relying party is, from APP_URL alone: the RP ID is its host name (WebAuthn refuses an
// IP address such as 127.0.0.1: use localhost), the expected origin its origin. A passkey made
// for one RP ID is never offered on, nor accepted from, any other site: that is the phishing
// resistance.

export function relyingParty() {
  const url = new URL(getEnv().APP_URL);
  return { id: url.hostname, origin: url.origin, name: "Auth Lab" } as const;
}

/** How long a ceremony's challenge lives, in milliseconds (PASSKEY_CHALLENGE_SECONDS). */
export const challengeLifetimeMs = () => getEnv().PASSKEY_CHALLENGE_SECONDS * 1000;

/**
 * At most this many passkeys per person: every one is listed where the person manages them, so a
 * thief with a moment of recent proof can't hide one of their own behind a long list.
 */
export const PASSKEYS_PER_PERSON = 10;
