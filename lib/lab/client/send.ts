import "server-only";
import { getEnv } from "@/lib/env";

// The one way the server calls itself (and the local identity provider): experiments and
// throwaway people send real HTTP requests, exactly as a visitor's client would, so what they
// show is what a visitor with curl would see.

/** What came back: the status, where it came from, the headers, the body as text. */
export type Answer = { status: number; url: string; headers: Headers; body: string };

export type Outgoing = {
  method?: string;
  headers?: Record<string, string>;
  /** A form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  json?: unknown;
  /** A server's own call, not a browser's (a token endpoint's client): it carries no Origin. */
  fromServer?: boolean;
};

/** `path` on this app's public address (APP_URL), as a full URL. */
export const appUrl = (path: string) => new URL(path, getEnv().APP_URL).href;

/**
 * One request, its redirect not followed, nothing cached. Unsafe requests carry the Origin of the
 * address they go to unless the caller names another one, as a same-origin browser request would.
 */
export async function send(url: string, outgoing: Outgoing = {}): Promise<Answer> {
  const method = outgoing.method ?? "GET";
  const headers: Record<string, string> = { ...outgoing.headers };
  let body: string | undefined;
  if (outgoing.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(outgoing.form).toString();
  } else if (outgoing.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(outgoing.json);
  }
  if (method !== "GET" && !outgoing.fromServer) headers.origin ??= new URL(url).origin;
  const response = await fetch(url, {
    method,
    headers,
    body,
    cache: "no-store",
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, url, headers: response.headers, body: await response.text() };
}

/** The answer's body as a JSON object, when it is one. */
export function jsonOf(answer: Answer): Record<string, unknown> | undefined {
  if (!answer.headers.get("content-type")?.includes("application/json")) return undefined;
  try {
    const parsed: unknown = JSON.parse(answer.body);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
