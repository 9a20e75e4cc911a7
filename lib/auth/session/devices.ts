import "server-only";
import UAParser from "ua-parser-js";
import { listUserSessions, sessionHandle, withSessionStore } from "./store";
import { sessionStore } from "@/lib/store/sessions";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";

// The devices page's view of sessions. A session's id is the hash of its token; the browser gets
// only a short handle of it, enough to name a row to revoke.

export type DeviceView = {
  handle: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const app = [browser.name, browser.major].filter(Boolean).join(" ") || "Unknown browser";
  const system = [os.name, os.version].filter(Boolean).join(" ");
  const kind = device.type ? ` (${device.type})` : "";
  return system ? `${app} on ${system}${kind}` : `${app}${kind}`;
}

export async function listDevices(userId: string, currentSessionId: string): Promise<DeviceView[]> {
  const sessions = await listUserSessions(userId);
  return sessions.map((session) => ({
    handle: sessionHandle(session.id),
    device: describeDevice(session.userAgent),
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
  }));
}

/** Ends the session of this person that `handle` names, and logs it. False when none matches. */
export async function revokeDevice(
  userId: string,
  handle: string,
  context: RequestContext,
): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(handle)) return false;
  return withSessionStore(async (db) => {
    const ended = await sessionStore().deleteByHandle(userId, handle, db);
    if (ended)
      await recordEvent(
        {
          type: "session.revoked",
          strategy: "session",
          userId,
          context,
          detail: { scope: "one", count: 1 },
        },
        db,
      );
    return ended;
  });
}
