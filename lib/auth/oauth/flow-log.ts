import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { isHttps } from "@/lib/env";
import { cookieNames } from "../names";
import { generateToken, hashToken } from "../tokens";

// The step log of this browser's last provider sign-in, the way oauth.tools shows a flow: the
// authorization request, the callback, the code exchange, what came back and what Auth Lab made
// of it. Every secret in it (state, nonce, code, verifier, tokens) is cut to a short prefix.
// The log lives in the database under the hash of a random token in an HttpOnly cookie, so any
// instance can read it and nothing readable sits in the browser.

const FLOW_TTL_SECONDS = 24 * 60 * 60;

const field = z.object({ name: z.string(), value: z.string(), note: z.string().optional() });
const step = z.object({
  title: z.string(),
  /** Who talks to whom. */
  route: z.string(),
  at: z.string(),
  request: z.object({ method: z.string(), url: z.string(), fields: z.array(field) }).nullable(),
  answer: z.object({ status: z.number().nullable(), fields: z.array(field) }).nullable(),
  note: z.string().nullable(),
});
const log = z.object({
  provider: z.string(),
  startedAt: z.string(),
  steps: z.array(step),
  /** Did the provider sign the person in without asking (it remembered them)? Null: can't tell. */
  singleSignOn: z.boolean().nullable(),
  outcome: z.object({ ok: z.boolean(), text: z.string() }).nullable(),
});

export type FlowField = z.infer<typeof field>;
export type FlowStep = z.infer<typeof step>;
export type FlowLog = z.infer<typeof log>;

/** A secret as the log may show it: a recognisable prefix and its length. */
export const cut = (value: string) =>
  value.length <= 8 ? "…" : `${value.slice(0, 6)}…(${value.length} chars)`;

const cookieName = () => cookieNames(isHttps()).oauthFlow;

const newStep = (parts: Omit<FlowStep, "at" | "note"> & { note?: string }): FlowStep => ({
  ...parts,
  at: new Date().toISOString(),
  note: parts.note ?? null,
});

const AUTHORIZATION_NOTES: Record<string, (value: string) => FlowField> = {
  state: (value) => ({
    name: "state",
    value: cut(value),
    note: "Random, and also kept in an encrypted cookie: the callback must bring the same value back, so nobody can feed this browser a sign-in it didn't start (CSRF).",
  }),
  nonce: (value) => ({
    name: "nonce",
    value: cut(value),
    note: "Random: the ID token must carry it back, binding that token to this one sign-in.",
  }),
  code_challenge: (value) => ({
    name: "code_challenge",
    value,
    note: "PKCE: the SHA-256 of a secret code verifier that stays in an encrypted cookie. Only whoever holds the verifier can exchange the code, so a stolen code is useless.",
  }),
  redirect_uri: (value) => ({
    name: "redirect_uri",
    value,
    note: "Must match a registered address exactly, so the code can't be sent anywhere else.",
  }),
  scope: (value) => ({ name: "scope", value, note: "What Auth Lab asks to be allowed to do." }),
};

/** Starts the log when a provider sign-in starts: the authorization request, as sent. */
export async function startFlowLog(provider: string, authorizationUrl: string): Promise<void> {
  const url = new URL(authorizationUrl);
  const fields = [...url.searchParams].map(
    ([name, value]) => AUTHORIZATION_NOTES[name]?.(value) ?? { name, value },
  );
  const entry: FlowLog = {
    provider,
    startedAt: new Date().toISOString(),
    steps: [
      newStep({
        title: "Authorization request",
        route: `browser → ${provider} (a redirect)`,
        request: { method: "GET", url: `${url.origin}${url.pathname}`, fields },
        answer: null,
        note: "The provider now asks who you are (unless it remembers you) and whether to allow Auth Lab.",
      }),
    ],
    singleSignOn: null,
    outcome: null,
  };
  const token = generateToken();
  const expiresAt = new Date(Date.now() + FLOW_TTL_SECONDS * 1000);
  await getDb().oAuthFlow.create({
    data: { id: hashToken(token), provider, log: JSON.stringify(entry), expiresAt },
  });
  (await cookies()).set(cookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: "/",
    maxAge: FLOW_TTL_SECONDS,
  });
}

/** This browser's last sign-in log, or null. */
export async function readFlowLog(): Promise<FlowLog | null> {
  const token = (await cookies()).get(cookieName())?.value;
  if (!token) return null;
  const row = await getDb().oAuthFlow.findUnique({ where: { id: hashToken(token) } });
  if (!row || row.expiresAt <= new Date()) return null;
  const parsed = log.safeParse(JSON.parse(row.log));
  return parsed.success ? parsed.data : null;
}

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
  const token = request.cookies.get(cookieName())?.value;
  const id = token ? hashToken(token) : null;
  const row = id ? await getDb().oAuthFlow.findUnique({ where: { id } }) : null;
  const existing = row ? log.safeParse(JSON.parse(row.log)) : null;
  if (!id || !existing?.success) return handle();

  const url = new URL(request.url);
  const fields = [...url.searchParams].map(
    ([name, value]) => CALLBACK_NOTES[name]?.(value) ?? { name, value },
  );
  const store: Recording = {
    startedAt: existing.data.startedAt,
    singleSignOn: null,
    steps: [
      newStep({
        title: "Callback",
        route: `${existing.data.provider} → browser → Auth Lab (a redirect)`,
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
    ...existing.data,
    steps: [...existing.data.steps.slice(0, 1), ...store.steps],
    singleSignOn: store.singleSignOn,
    outcome,
  };
  await getDb().oAuthFlow.update({ where: { id }, data: { log: JSON.stringify(updated) } });
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
