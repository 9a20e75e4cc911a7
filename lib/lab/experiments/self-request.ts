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

export async function selfRequest(
  label: string,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  expected: number,
): Promise<Probe> {
  const { APP_URL } = getEnv();
  const response = await fetch(new URL(path, APP_URL), {
    method,
    headers: { origin: new URL(APP_URL).origin, ...headers },
    cache: "no-store",
    redirect: "manual",
  });
  let error: { code?: string; message?: string } | undefined;
  if (response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.json().catch(() => null)) as { error?: typeof error } | null;
    error = body?.error;
  }
  return {
    label,
    request: `${method} ${path}`,
    status: response.status,
    expected,
    code: error?.code ?? null,
    message: error?.message ?? null,
  };
}
