import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

export type RequestContext = { ip: string | null; userAgent: string | null };

const MAX_USER_AGENT = 512;

/** The header the client's address is read from, and how many trusted proxies append to it. */
export function clientIpSource(): { header: string; hops: number } {
  const env = getEnv();
  const header =
    env.CLIENT_IP_HEADER ?? (env.VERCEL === "1" ? "x-vercel-forwarded-for" : "x-forwarded-for");
  return { header, hops: env.TRUSTED_PROXY_HOPS };
}

/**
 * The client's address: in a list like "client, proxy1, proxy2" every trusted proxy appended one
 * entry, so the client is the rightmost entry none of them wrote. Whatever a client sends to the
 * left of it is ignored. With no trusted proxy (hops 0), or no valid address there, it is null:
 * throttling then counts the request in the shared "unknown" bucket, never in none.
 */
export function clientIp(source: Headers): string | null {
  const { header, hops } = clientIpSource();
  if (hops === 0) return null;
  const entries = (source.get(header) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = entries[entries.length - hops];
  return candidate && isIP(candidate) ? candidate : null;
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
