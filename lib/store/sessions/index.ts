import "server-only";
import { getEnv } from "@/lib/env";
import { databaseSessions } from "./database";
import { memorySessions } from "./memory";
import { redisSessions } from "./redis";
import type { SessionStore, SessionStoreKind } from "./types";

// The one place that decides where server sessions live (lib/env.ts checks the combination):
// Redis when REDIS_URL is set, the database otherwise, or, for the lab's Scaling experiment only,
// each process's memory. The session guard never knows which.

export function sessionStoreKind(): SessionStoreKind {
  const env = getEnv();
  return env.SESSION_STORE ?? (env.REDIS_URL ? "redis" : "database");
}

export function sessionStore(): SessionStore {
  return { database: databaseSessions, redis: redisSessions, memory: memorySessions }[
    sessionStoreKind()
  ];
}

export type * from "./types";
