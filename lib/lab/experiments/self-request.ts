import "server-only";
import { getEnv } from "@/lib/env";

// Experiments make real HTTP requests to this app's own endpoints, with credentials they copied
// or forged, exactly as an attacker's client would. What comes back to the browser is the status
// and the error code, never a credential.

export type Probe = {
  label: string;
  request: string;
  status: number;
  expected: number;
  /** The error's code and message (the reason), when the answer was an error. */
  code: string | null;
  message: string | null;
};

/** One real request to this app; only its status and error (code, reason) come back. */
export async function selfRequest(...args: Parameters<typeof selfRequestWithBody>): Promise<Probe> {
  return (await selfRequestWithBody(...args)).probe;
}

/**
 * The same, plus the parsed JSON body for the experiment's own use (a refresh answer holds
 * tokens). The body stays on the server: only the probe is ever returned to the browser.
 */
export async function selfRequestWithBody(
  label: string,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  expected: number,
  json?: unknown,
): Promise<{ probe: Probe; body: Record<string, unknown> | undefined }> {
  const { APP_URL } = getEnv();
  const response = await fetch(new URL(path, APP_URL), {
    method,
    headers: { origin: new URL(APP_URL).origin, ...headers },
    body: json === undefined ? undefined : JSON.stringify(json),
    cache: "no-store",
    redirect: "manual",
  });
  let body: Record<string, unknown> | undefined;
  if (response.headers.get("content-type")?.includes("application/json")) {
    body =
      ((await response.json().catch(() => null)) as Record<string, unknown> | null) ?? undefined;
  }
  const error = body?.error as { code?: string; message?: string } | undefined;
  const probe: Probe = {
    label,
    request: `${method} ${path}`,
    status: response.status,
    expected,
    code: error?.code ?? null,
    message: error?.message ?? null,
  };
  return { probe, body };
}
