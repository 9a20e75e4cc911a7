import "server-only";
import { getDb } from "@/lib/db";
import { isStoreUnavailable } from "@/lib/store/errors";
import { sessionStore } from "@/lib/store/sessions";
import { hashToken } from "../tokens";
import { sessionLifetimes } from "./config";
import { readSessionCookie } from "./cookie";
import { unsealToken } from "./seal";
import { sessionHandle } from "./store";

// Why the session this browser's cookie names is over, when it is: the lab says so in words
// ("ended 20 s ago because of the expiry experiment") instead of a bare "sign in". Reads only.

export type SessionEnding = {
  /** idle or absolute: it ran out; ended: someone or something ended it (a sign-out elsewhere, the kill switch). */
  reason: "idle" | "absolute" | "ended";
  /** When, as far as the server knows. */
  endedAt: Date | null;
  /** The lab's expiry experiment had shortened its idle timeout. */
  shortenedByLab: boolean;
};

const ranOut = (reason: "idle" | "absolute", at: Date, shortened: boolean): SessionEnding => ({
  reason,
  endedAt: at,
  shortenedByLab: reason === "idle" && shortened,
});

/** Null when the browser holds no authentic session cookie, or its session is still live. */
export async function whySessionEnded(): Promise<SessionEnding | null> {
  const seal = await readSessionCookie();
  const token = seal ? await unsealToken(seal) : null;
  if (!token) return null;
  const id = hashToken(token);
  try {
    const found = await sessionStore().find(id);
    if (found) {
      const { session } = found;
      const now = Date.now();
      if (session.epoch < found.epoch)
        return { reason: "ended", endedAt: null, shortenedByLab: false };
      if (now >= session.absoluteExpiresAt.getTime())
        return ranOut("absolute", session.absoluteExpiresAt, false);
      if (now >= session.idleExpiresAt.getTime())
        return ranOut("idle", session.idleExpiresAt, session.idleTimeoutSeconds !== null);
      return null;
    }
    // Gone: the log line written when it was found expired names it (lib/auth/session/store.ts).
    const since = new Date(Date.now() - sessionLifetimes().absoluteMs);
    const event = await getDb().authEvent.findFirst({
      where: {
        strategy: "session",
        type: "session.expired",
        createdAt: { gte: since },
        detail: { contains: `"session":"${sessionHandle(id)}"` },
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, detail: true },
    });
    if (!event) return { reason: "ended", endedAt: null, shortenedByLab: false };
    const detail = JSON.parse(event.detail) as { reason?: string; shortenedByLab?: boolean };
    return ranOut(
      detail.reason === "absolute" ? "absolute" : "idle",
      event.createdAt,
      detail.shortenedByLab === true,
    );
  } catch (error) {
    // A store that can't be asked tells nothing; the guard already says it is unavailable.
    if (isStoreUnavailable(error)) return null;
    throw error;
  }
}
