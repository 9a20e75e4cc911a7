import "server-only";
import { getEnv } from "@/lib/env";

// Experiments make real HTTP requests to this app's own endpoints, with credentials they copied
// or forged, exactly as an attacker's client would. What comes back to the browser is what was
// sent (redacted: a real credential is never shown whole), the status and the error's code and
// reason, and a curl command that repeats the request (real credentials as placeholders).

/** Something a request carried that matters to the lesson, as it may be shown. */
export type Sent = {
  name: string;
  /** Redacted where it holds a real credential; whole where it is a forgery with no secret. */
  value: string;
  /** The part of `value` that was changed, so the page can highlight it. */
  changed?: string;
};

export type Probe = {
  label: string;
  method: "GET" | "POST" | "DELETE";
  path: string;
  sent: Sent[];
  status: number;
  expected: number;
  /** The error's code and message (the reason), when the answer was an error. */
  code: string | null;
  message: string | null;
  /** The answer the lesson predicts: an attack refused, an honest request accepted. */
  asExpected: boolean;
  curl: string;
};

export type RequestSpec = {
  label: string;
  method: "GET" | "POST" | "DELETE";
  path: string;
  expected: number;
  /** The real headers. */
  headers?: Record<string, string>;
  json?: unknown;
  /** The body as the curl command shows it, when the real one holds a credential. */
  curlJson?: unknown;
  sent?: Sent[];
  /** The headers as the curl command shows them (placeholders for real credentials). */
  curlHeaders?: Record<string, string>;
};

/** A real credential, cut to a recognisable prefix. */
export const redactCredential = (value: string) =>
  value.length <= 16 ? "…" : `${value.slice(0, 12)}…(${value.length} bytes)`;

/** A safety net under curlJson: a long base64url string in a body is a credential, never printed. */
const hideTokens = (_key: string, value: unknown) =>
  typeof value === "string" && /^[\w.-]{32,}$/.test(value) ? "$TOKEN" : value;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlFor(
  spec: Pick<RequestSpec, "method" | "path" | "json" | "curlJson" | "curlHeaders">,
): string {
  const { APP_URL } = getEnv();
  const parts = ["curl", "-i"];
  if (spec.method !== "GET") parts.push("-X", spec.method);
  for (const [name, value] of Object.entries(spec.curlHeaders ?? {}))
    parts.push("-H", value.includes("$") ? `"${name}: ${value}"` : quote(`${name}: ${value}`));
  const body = spec.curlJson ?? spec.json;
  if (body !== undefined)
    parts.push(
      "-H",
      quote("content-type: application/json"),
      "-d",
      quote(JSON.stringify(body, hideTokens)),
    );
  parts.push(quote(new URL(spec.path, APP_URL).href));
  return parts.join(" ");
}

/**
 * One real request to this app. The parsed JSON body comes back for the experiment's own use (a
 * refresh answer holds tokens); it stays on the server: only the probe ever reaches the browser.
 */
export async function selfRequestWithBody(
  spec: RequestSpec,
): Promise<{ probe: Probe; body: Record<string, unknown> | undefined; headers: Headers }> {
  const { APP_URL } = getEnv();
  const response = await fetch(new URL(spec.path, APP_URL), {
    method: spec.method,
    headers: {
      origin: new URL(APP_URL).origin,
      ...(spec.json === undefined ? {} : { "content-type": "application/json" }),
      ...spec.headers,
    },
    body: spec.json === undefined ? undefined : JSON.stringify(spec.json),
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
    label: spec.label,
    method: spec.method,
    path: spec.path,
    sent: spec.sent ?? [],
    status: response.status,
    expected: spec.expected,
    code: error?.code ?? null,
    message: error?.message ?? null,
    asExpected: response.status === spec.expected,
    curl: curlFor(spec),
  };
  return { probe, body, headers: response.headers };
}

export async function selfRequest(spec: RequestSpec): Promise<Probe> {
  return (await selfRequestWithBody(spec)).probe;
}
