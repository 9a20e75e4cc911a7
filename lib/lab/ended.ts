import "server-only";
import { type SessionEnding, whySessionEnded } from "@/lib/auth/session/ending";
import type { SignedIn } from "./catalogue";

// Why a credential this browser still holds is over, in words the lab puts before "sign in
// again": in its table of contents, on a part or card, and in a result that could not run.

/** "20 s ago", "3 min ago", "2 h ago". */
export function ago(at: Date, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - at.getTime()) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 120 * 60) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

/** The cause of a server session's end, as a sentence without its full stop. */
export function describeSessionEnding(ending: SessionEnding, now = Date.now()): string {
  const when = ending.endedAt ? ` ${ago(ending.endedAt, now)}` : "";
  if (ending.shortenedByLab)
    return `Your server session ended${when} because of the expiry experiment (it shortened the idle timeout, and no request came in time)`;
  if (ending.reason === "idle")
    return `Your server session ended${when}: it went unused for longer than its idle timeout`;
  if (ending.reason === "absolute")
    return `Your server session ended${when}: it reached its absolute lifetime`;
  return "Your server session was ended elsewhere (a sign-out on another device, an experiment, or sign out everywhere)";
}

/** For each strategy whose credential this browser holds but that is over: why. */
export async function endedCauses(): Promise<NonNullable<SignedIn["ended"]>> {
  const session = await whySessionEnded();
  return session ? { session: describeSessionEnding(session) } : {};
}
