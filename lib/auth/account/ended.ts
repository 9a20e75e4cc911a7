import "server-only";
import { jwtSettings } from "../jwt/config";
import type { Ended } from "./revoke-all";
import type { SignedInBrowser } from "./this-browser";

// What the kill switch's answer says, one sentence for every caller (a password change, an unlink,
// "sign out everywhere"): exactly what it ended, and what it can't reach until expiry.

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const minutes = (seconds: number) =>
  seconds < 120
    ? count(seconds, "second", "seconds")
    : count(Math.round(seconds / 60), "minute", "minutes");

export function endedSentence(ended: Ended, where: string): string {
  const parts = [
    count(ended.sessions, "server session", "server sessions"),
    count(ended.families, "JWT sign-in", "JWT sign-ins"),
    count(ended.oauthSessions, "provider session", "provider sessions"),
    count(ended.devices, "trusted device", "trusted devices"),
  ];
  return `Ended ${where}: ${parts.join(", ")}. Every access token already issued is refused by this app at once; a service that verifies tokens on its own (the stateless verifier, a downstream API) accepts a copied one until it expires, at most ${minutes(jwtSettings().accessTtlSeconds)}.`;
}

const KEYS = ["sessions", "families", "oauthSessions", "devices"] as const;

/** The counts, for a redirect to a page that says them (the person is signed out by then). */
export const endedQuery = (ended: Ended) => KEYS.map((key) => `${key}=${ended[key]}`).join("&");

/** The counts back from a query; null when any is missing or not a small number. */
export function endedFromQuery(
  params: Record<string, string | string[] | undefined>,
): Ended | null {
  const counts = KEYS.map((key) => {
    const value = params[key];
    return typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : null;
  });
  if (counts.some((value) => value === null)) return null;
  const [sessions, families, oauthSessions, devices] = counts as number[];
  return {
    epoch: 0,
    sessions: sessions!,
    families: families!,
    oauthSessions: oauthSessions!,
    devices: devices!,
  };
}

/** What ended elsewhere: the counts without this browser's own (it was given new ones). */
export function elsewhere(ended: Ended, browser: SignedInBrowser): Ended {
  const minus = (count: number, held: unknown) => Math.max(0, count - (held ? 1 : 0));
  return {
    epoch: ended.epoch,
    sessions: minus(ended.sessions, browser.held.session),
    families: minus(ended.families, browser.held.family),
    oauthSessions: minus(ended.oauthSessions, browser.held.oauthSession),
    devices: minus(ended.devices, browser.device),
  };
}
