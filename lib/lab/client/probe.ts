import "server-only";
import { curlFor } from "./curl";
import { type Answer, appUrl, jsonOf, send } from "./send";

// A probe: one request an experiment made (./send.ts), as the browser may see it: what was sent
// (redacted: a real credential is never shown whole), the status and the error's code and reason,
// and a curl command that repeats the request (real credentials as placeholders).

/** Something a request carried that matters to the lesson, as it may be shown. */
export type Sent = {
  name: string;
  /** Redacted where it holds a real credential; whole where it is a forgery with no secret. */
  value: string;
  /** The part of `value` that was changed, so the page can highlight it. */
  changed?: string;
  /**
   * A token sent whole or forged, decoded as anyone holding it could: its header and payload,
   * and which of their fields were changed (the page marks them, as jwt.io would show them).
   */
  decoded?: DecodedSent;
};

export type DecodedSent = {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  changed: { header: string[]; payload: string[] };
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

/** What the lesson shows of an answer: the status against the expected one, the error's reason. */
export function probeOf(
  answer: Answer,
  spec: Pick<
    RequestSpec,
    "label" | "method" | "expected" | "sent" | "json" | "curlJson" | "curlHeaders"
  >,
): Probe {
  const body = jsonOf(answer);
  // This app's errors are { error: { code, message } }; OAuth's (RFC 6749) { error, error_description }.
  const error: { code?: string; message?: string } | undefined =
    typeof body?.error === "string"
      ? {
          code: body.error,
          message: typeof body.error_description === "string" ? body.error_description : undefined,
        }
      : (body?.error as { code?: string; message?: string } | undefined);
  const url = new URL(answer.url);
  // A code or state in the query is a secret of its flow: cut short, like every credential here.
  for (const name of ["code", "state"]) {
    const value = url.searchParams.get(name);
    if (value) url.searchParams.set(name, `${value.slice(0, 6)}…`);
  }
  // The cut shows as "…", not as the query's percent-encoding of it.
  const path = `${url.pathname}${url.search}`.replaceAll("%E2%80%A6", "…");
  const location = answer.headers.get("location");
  return {
    label: spec.label,
    method: spec.method,
    path,
    sent: spec.sent ?? [],
    status: answer.status,
    expected: spec.expected,
    code: error?.code ?? null,
    message: error?.message ?? (location ? `→ ${location}` : null),
    asExpected: answer.status === spec.expected,
    curl: curlFor(spec, appUrl(path)),
  };
}

/**
 * One real request to this app, with no cookie jar: the credentials are the headers the spec
 * names. The parsed JSON body comes back for the experiment's own use (a refresh answer holds
 * tokens); it stays on the server: only the probe ever reaches the browser.
 */
export async function selfRequestWithBody(
  spec: RequestSpec,
): Promise<{ probe: Probe; body: Record<string, unknown> | undefined; headers: Headers }> {
  const answer = await send(appUrl(spec.path), spec);
  return { probe: probeOf(answer, spec), body: jsonOf(answer), headers: answer.headers };
}

export async function selfRequest(spec: RequestSpec): Promise<Probe> {
  return (await selfRequestWithBody(spec)).probe;
}

/** A copied credential as a request carries it: sent whole, shown cut short, curl's placeholder. */
type Carried = Pick<RequestSpec, "headers" | "json" | "curlJson" | "sent" | "curlHeaders">;

/** A cookie, as a browser (or its thief) sends it. */
export const withCookie = (name: string, value: string, placeholder: string): Carried => ({
  headers: { cookie: `${name}=${value}` },
  sent: [{ name: "Cookie", value: `${name}=${redactCredential(value)}` }],
  curlHeaders: { cookie: `${name}=${placeholder}` },
});

/** An access token in the Authorization header. */
export const withBearer = (token: string, placeholder = "$ACCESS_TOKEN"): Carried => ({
  headers: { authorization: `Bearer ${token}` },
  sent: [{ name: "Authorization", value: `Bearer ${redactCredential(token)}` }],
  curlHeaders: { authorization: `Bearer ${placeholder}` },
});

/** A refresh token in the refresh route's JSON body. */
export const withRefreshToken = (
  token: string,
  placeholder = "$REFRESH_TOKEN",
  shownAs = "refresh_token",
): Carried => ({
  json: { refresh_token: token },
  curlJson: { refresh_token: placeholder },
  sent: [{ name: shownAs, value: redactCredential(token) }],
});
