import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { type Env, getEnv } from "@/lib/env";
import { clientIpSourceOf } from "@/lib/env-rules";
import { SOCKET_ADDRESS_HEADER } from "@/lib/socket-address";

export type RequestContext = { ip: string | null; userAgent: string | null };

const MAX_USER_AGENT = 512;

/**
 * Where the client's address is read, as the deployment declared it (CLIENT_IP_SOURCE): a header
 * and how many trusted proxies appended to it. Only a header nobody but the platform or our own
 * server writes is ever read whole.
 */
export function clientIpSource(env: Env = getEnv()): { header: string; hops: number } {
  switch (clientIpSourceOf(env)) {
    case "socket":
      // Overwritten on every request by scripts/start.mjs with the connection's own address.
      return { header: SOCKET_ADDRESS_HEADER, hops: 1 };
    case "vercel":
      return { header: "x-vercel-forwarded-for", hops: 1 };
    case "proxy":
      return { header: env.CLIENT_IP_HEADER ?? "x-forwarded-for", hops: env.TRUSTED_PROXY_HOPS };
  }
}

/**
 * The client's address: in a list like "client, proxy1, proxy2" every trusted proxy appended one
 * entry, so the client is the rightmost entry none of them wrote. Whatever a client sends to the
 * left of it is ignored. With no valid address there it is null: throttling then counts the
 * request in the shared "unknown" bucket, never in none.
 */
export function clientIp(source: Headers, { header, hops } = clientIpSource()): string | null {
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
