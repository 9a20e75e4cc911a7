import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getDb } from "@/lib/db";
import { hashToken } from "../tokens";
import {
  cut,
  type FlowField,
  type FlowLog,
  type FlowStep,
  flowCookieName,
  newStep,
  parseLog,
} from "./flow-log";

// Recording a provider callback into the step log (lib/auth/oauth/flow-log.ts): the callback's
// parameters, the requests Auth.js makes to the provider meanwhile (through its customFetch hook),
// the signIn callback's own checks, and the answer to the browser. Each request of a callback runs
// in its own AsyncLocalStorage context, so concurrent sign-ins never mix their steps.

type Recording = { startedAt: string; steps: FlowStep[]; singleSignOn: boolean | null };
const recording = new AsyncLocalStorage<Recording>();

/** Adds a step to the callback being recorded (a no-op outside one). */
export function recordFlowStep(parts: Omit<FlowStep, "at" | "note"> & { note?: string }): void {
  recording.getStore()?.steps.push(newStep(parts));
}

/**
 * The ID token's auth_time: when the person last really signed in at the provider. Earlier than
 * the authorization request means the provider didn't ask: it remembered them.
 */
export function recordSignedInAt(authTime: number | null): void {
  const store = recording.getStore();
  if (store && authTime !== null)
    store.singleSignOn = authTime * 1000 < new Date(store.startedAt).getTime() - 1000;
}

const CALLBACK_NOTES: Record<string, (value: string) => FlowField> = {
  code: (value) => ({
    name: "code",
    value: cut(value),
    note: "One-time, short-lived, and useless without the PKCE verifier.",
  }),
  state: (value) => ({
    name: "state",
    value: cut(value),
    note: "Auth.js compares it with its cookie before anything else.",
  }),
  iss: (value) => ({
    name: "iss",
    value,
    note: "The provider names itself (RFC 9207), so an answer from another provider is caught.",
  }),
};

function outcomeOf(response: Response, base: string): { ok: boolean; text: string } {
  const location = response.headers.get("location");
  const target = location ? new URL(location, base) : null;
  const error = target?.searchParams.get("error");
  if (error) return { ok: false, text: `Refused (${error}): nothing was signed in.` };
  if (target?.searchParams.get("link") === "use-link")
    return { ok: false, text: "Not linked: linking another provider takes the linking page." };
  const linked = target?.searchParams.get("linked");
  if (linked) return { ok: true, text: `Linked ${linked} to your account.` };
  if (target?.searchParams.get("link")) return { ok: false, text: "The link was refused." };
  return { ok: true, text: "Signed in: Auth.js stored a session and set its cookie." };
}

/**
 * Records a provider callback (GET /api/auth/callback/…) for the browser whose sign-in started
 * the log: the callback's parameters, the requests Auth.js makes meanwhile (recordingFetch), the
 * checks of the signIn callback, and the answer to the browser.
 */
export async function recordCallback(
  request: Request & { cookies: { get(name: string): { value: string } | undefined } },
  handle: () => Promise<Response>,
): Promise<Response> {
  const token = request.cookies.get(flowCookieName())?.value;
  const id = token ? hashToken(token) : null;
  const row = id
    ? await getDb()
        .oAuthFlow.findUnique({ where: { id } })
        .catch(() => null)
    : null;
  const started = row ? parseLog(row.log) : null;
  if (!id || !started) return handle();

  const url = new URL(request.url);
  const fields = [...url.searchParams].map(
    ([name, value]) => CALLBACK_NOTES[name]?.(value) ?? { name, value },
  );
  const store: Recording = {
    startedAt: started.startedAt,
    singleSignOn: null,
    steps: [
      newStep({
        title: "Callback",
        route: `${started.provider} → browser → Auth Lab (a redirect)`,
        request: { method: "GET", url: `${url.origin}${url.pathname}`, fields },
        answer: null,
      }),
    ],
  };
  const response = await recording.run(store, handle);
  const outcome = outcomeOf(response, url.origin);
  const cookiesSet = cookiesSetBy(response);
  store.steps.push(
    newStep({
      title: outcome.ok ? "Signed in" : "Refused",
      route: "Auth Lab → browser",
      request: null,
      answer: {
        status: response.status,
        fields: [
          { name: "Location", value: response.headers.get("location") ?? "(none)" },
          ...cookiesSet.map((name) => ({
            name: "Set-Cookie",
            value: `${name}=…`,
            note: name.includes("session-token")
              ? "The Auth.js session: an opaque random token; the database keeps its hash."
              : undefined,
          })),
        ],
      },
      note: outcome.text,
    }),
  );
  const updated: FlowLog = {
    ...started,
    steps: [...started.steps.slice(0, 1), ...store.steps],
    singleSignOn: store.singleSignOn,
    outcome,
  };
  // The log is a lesson, never a reason for a sign-in to fail.
  await getDb()
    .oAuthFlow.update({ where: { id }, data: { log: JSON.stringify(updated) } })
    .catch((error: unknown) =>
      console.error(
        "flow log not written:",
        error instanceof Error ? error.message : "unknown error",
      ),
    );
  return response;
}

/** The cookies an answer sets; deleted ones (emptied state and PKCE cookies) are housekeeping. */
const cookiesSetBy = (response: Response) =>
  response.headers
    .getSetCookie()
    .filter((header) => !/^[^=]+=;|max-age=0|expires=thu, 01 jan 1970/i.test(header))
    .map((header) => header.slice(0, header.indexOf("=")));

const TOKEN_ANSWER_NOTES: Record<string, string> = {
  access_token:
    "For calling the provider's API as you. Auth Lab keeps it, encrypted, on the server.",
  refresh_token: "For a new access token later, without you. Encrypted on the server too.",
  id_token: "OpenID Connect: a signed statement of who you are, for Auth Lab itself. Checked next.",
};

function formOf(body: unknown): URLSearchParams | null {
  if (body instanceof URLSearchParams) return body;
  return typeof body === "string" ? new URLSearchParams(body) : null;
}

/**
 * The fetch Auth.js uses for the provider's endpoints (its customFetch hook): unchanged, except
 * that inside a recorded callback each server-to-server request and its answer join the log.
 */
export async function recordingFetch(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const response = await fetch(input, init);
  const store = recording.getStore();
  if (!store) return response;
  const url = new URL(input instanceof Request ? input.url : String(input));
  const endpoint = `${url.origin}${url.pathname}`;
  const form = formOf(init?.body);
  const headers = new Headers(init?.headers);
  if (form?.get("grant_type") === "authorization_code") {
    const answer = (await response
      .clone()
      .json()
      .catch(() => ({}))) as Record<string, unknown>;
    const clientAuth = headers.get("authorization")?.startsWith("Basic ")
      ? [{ name: "Authorization", value: "Basic …", note: "The client id and secret (hidden)." }]
      : [];
    store.steps.push(
      newStep({
        title: "Code exchange",
        route: "Auth Lab → provider (server to server)",
        request: {
          method: "POST",
          url: endpoint,
          fields: [
            ...[...form].map(([name, value]) =>
              name === "code"
                ? { name, value: cut(value) }
                : name === "code_verifier"
                  ? {
                      name,
                      value: cut(value),
                      note: "PKCE: the provider hashes it and compares with the code_challenge.",
                    }
                  : name === "client_secret"
                    ? { name, value: "…(hidden)" }
                    : { name, value },
            ),
            ...clientAuth,
          ],
        },
        answer: {
          status: response.status,
          fields: Object.entries(answer).map(([name, value]) =>
            name in TOKEN_ANSWER_NOTES && typeof value === "string"
              ? { name, value: cut(value), note: TOKEN_ANSWER_NOTES[name] }
              : { name, value: JSON.stringify(value) },
          ),
        },
      }),
    );
  } else {
    store.steps.push(
      newStep({
        title: url.pathname.endsWith("/openid-configuration") ? "Discovery" : "Provider request",
        route: "Auth Lab → provider (server to server)",
        request: { method: init?.method ?? "GET", url: endpoint, fields: [] },
        answer: { status: response.status, fields: [] },
      }),
    );
  }
  return response;
}
