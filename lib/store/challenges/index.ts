import "server-only";
import { isRedisConfigured } from "../redis";
import { databaseChallenges } from "./database";
import { redisChallenges } from "./redis";
import type { ChallengeStore } from "./types";

// Where passkey challenges live: in Redis when it is configured (like the throttle and the
// denylist), in the database otherwise. Either way shared by every instance, never a process's
// memory: a challenge issued by one instance may be answered at another, and used once in all.

export function challengeStore(): ChallengeStore {
  return isRedisConfigured() ? redisChallenges : databaseChallenges;
}

export type * from "./types";
