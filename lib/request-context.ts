import "server-only";
import { headers } from "next/headers";

export type RequestContext = { ip: string | null; userAgent: string | null };

const MAX_USER_AGENT = 512;

// Assumes X-Forwarded-For is set by a trusted proxy (Vercel overwrites it with the client's
// address). `next start` exposed directly passes on whatever the client sent: see README, Known limits.
export function clientIp(source: Headers): string | null {
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || source.get("x-real-ip")?.trim();
  return ip && /^[\d.:a-fA-F]{2,45}$/.test(ip) ? ip : null;
}

export function contextFrom(source: Headers): RequestContext {
  return {
    ip: clientIp(source),
    userAgent: source.get("user-agent")?.slice(0, MAX_USER_AGENT) ?? null,
  };
}

/** For server actions and server components, which have no Request object. */
export async function currentRequestContext(): Promise<RequestContext> {
  return contextFrom(await headers());
}
