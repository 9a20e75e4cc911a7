import "server-only";
import { withRedis } from "../redis";
import type { ChallengeStore, StoredChallenge } from "./types";

// Challenges in Redis: one key per ceremony, expiring by itself, taken with GETDEL (one atomic
// command): every instance sharing the Redis sees a challenge used at most once.

const key = (id: string) => `auth-lab:passkey-challenge:${id}`;

type Stored = Omit<StoredChallenge, "expiresAt"> & { expiresAt: number };

export const redisChallenges: ChallengeStore = {
  kind: "redis",

  async save(id, challenge) {
    const stored: Stored = { ...challenge, expiresAt: challenge.expiresAt.getTime() };
    await withRedis((redis) =>
      redis.set(key(id), JSON.stringify(stored), "PXAT", stored.expiresAt),
    );
  },

  async take(id) {
    const value = await withRedis((redis) => redis.getdel(key(id)));
    if (value === null) return null;
    const stored = JSON.parse(value) as Stored;
    if (stored.expiresAt <= Date.now()) return null;
    return { ...stored, expiresAt: new Date(stored.expiresAt) };
  },
};
