import "server-only";
import type { User } from "@/lib/auth/user";
import type { DeviceSession, SessionStore } from "./types";

// A teaching mode, never a default and refused in production: each server process keeps its own
// sessions in a Map. Another instance knows none of them (so a load balancer would need sticky
// sessions), and a restart forgets them all. The lab's Scaling experiment shows both.

type Entry = { session: DeviceSession; user: User };
const globalForMemory = globalThis as typeof globalThis & {
  authLabMemorySessions?: Map<string, Entry>;
  authLabMemoryEpochs?: Map<string, number>;
};
const sessions = (globalForMemory.authLabMemorySessions ??= new Map());
// The kill switch's epoch floor per person, as in the Redis store: a session under an older
// epoch is never stored.
const floors = (globalForMemory.authLabMemoryEpochs ??= new Map());

const live = (entry: Entry, now = Date.now()) =>
  entry.session.idleExpiresAt.getTime() > now && entry.session.absoluteExpiresAt.getTime() > now;

export const memorySessions: SessionStore = {
  kind: "memory",
  inDatabase: false,

  async create(session, user) {
    if ((floors.get(session.userId) ?? -1) > session.epoch) return;
    sessions.set(session.id, { session: { ...session }, user });
  },
  async find(id) {
    const entry = sessions.get(id);
    return entry
      ? { session: { ...entry.session }, user: entry.user, epoch: entry.session.epoch }
      : null;
  },
  async touch(id, at, idleExpiresAt, idleTimeoutSeconds) {
    const entry = sessions.get(id);
    if (entry && entry.session.idleTimeoutSeconds === idleTimeoutSeconds)
      Object.assign(entry.session, { lastSeenAt: at, idleExpiresAt });
  },
  async setIdleTimeout(id, idleTimeoutSeconds, at, idleExpiresAt) {
    const entry = sessions.get(id);
    if (!entry) return false;
    Object.assign(entry.session, { idleTimeoutSeconds, lastSeenAt: at, idleExpiresAt });
    return true;
  },
  async endForUser(userId, epoch) {
    floors.set(userId, Math.max(floors.get(userId) ?? -1, epoch));
    return memorySessions.deleteForUser(userId);
  },
  async undoFloor(userId, epoch) {
    if (floors.get(userId) === epoch) floors.set(userId, epoch - 1);
  },
  async delete(id) {
    const entry = sessions.get(id);
    sessions.delete(id);
    return entry ? { userId: entry.session.userId } : null;
  },
  async deleteForUser(userId, exceptId) {
    let count = 0;
    for (const [id, entry] of sessions)
      if (entry.session.userId === userId && id !== exceptId && sessions.delete(id)) count++;
    return count;
  },
  async deleteByHandle(userId, handle) {
    for (const [id, entry] of sessions)
      if (entry.session.userId === userId && id.startsWith(handle)) return sessions.delete(id);
    return false;
  },
  async list(userId) {
    return [...sessions.values()]
      .filter((entry) => entry.session.userId === userId && live(entry))
      .map((entry) => ({ ...entry.session }))
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  },
};
