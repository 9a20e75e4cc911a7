import { randomUUID } from "node:crypto";
import { createLoginThrottle, type Rate, type ThrottleRates } from "@/lib/auth/rate-limit";

/**
 * A sign-in throttle of a test's own (a unique key prefix, so no other test shares its buckets):
 * each scope's limit per minute, or a whole rate where the period matters.
 */
export function testThrottle(limits: Record<keyof ThrottleRates, number | Rate>) {
  const rates = Object.fromEntries(
    Object.entries(limits).map(([scope, limit]) => [
      scope,
      typeof limit === "number" ? { limit, periodSeconds: 60 } : limit,
    ]),
  ) as ThrottleRates;
  return createLoginThrottle(rates, `test-${randomUUID()}`);
}
