import { databaseReachable } from "@/lib/health";
import { instanceId } from "@/lib/instance";
import { json, jsonError } from "@/lib/http/json";
import { refusal } from "@/lib/refusal";
import { isRedisConfigured, redisReachable } from "@/lib/store/redis";
import { sessionStoreKind } from "@/lib/store/sessions";

// Liveness for tests and deploys: 200 only when every store this instance depends on answers. It
// also says which instance answered and where its sessions live (the lab's Scaling part reads it).
export async function GET() {
  // A deployment that can't serve says why, here too (lib/refusal.ts).
  const refused = refusal();
  if (refused) return jsonError(503, "unavailable", refused, { "Retry-After": "60" });
  const [database, redis] = await Promise.all([
    databaseReachable(),
    isRedisConfigured() ? redisReachable() : Promise.resolve(null),
  ]);
  const headers = { "X-Instance": instanceId() };
  const body = {
    status: database && redis !== false ? "ok" : "unavailable",
    database: database ? "reachable" : "unreachable",
    ...(redis === null ? {} : { redis: redis ? "reachable" : "unreachable" }),
    sessions: sessionStoreKind(),
    instance: instanceId(),
  };
  if (body.status === "ok") return json(body, { headers });
  return jsonError(
    503,
    "unavailable",
    database ? "Redis is not reachable." : "The database is not reachable.",
    headers,
  );
}
