import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { isHttps } from "@/lib/env";
import { cookieNames } from "../names";
import { flowLogBudget } from "../rate-limit";
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

export const flowCookieName = () => cookieNames(isHttps()).oauthFlow;

export const newStep = (parts: Omit<FlowStep, "at" | "note"> & { note?: string }): FlowStep => ({
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

/**
 * Starts the log when a provider sign-in starts: the authorization request, as sent. It replaces
 * this browser's previous log, and is skipped (the sign-in goes on) for an address starting far
 * more sign-ins than a person would.
 */
export async function startFlowLog(
  provider: string,
  authorizationUrl: string,
  ip: string | null,
): Promise<void> {
  if ((await flowLogBudget.spend({ ip })).blocked) return;
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
  const jar = await cookies();
  const previous = jar.get(flowCookieName())?.value;
  const token = generateToken();
  const expiresAt = new Date(Date.now() + FLOW_TTL_SECONDS * 1000);
  const db = getDb();
  if (previous) await db.oAuthFlow.deleteMany({ where: { id: hashToken(previous) } });
  await db.oAuthFlow.create({
    data: { id: hashToken(token), provider, log: JSON.stringify(entry), expiresAt },
  });
  jar.set(flowCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(),
    path: "/",
    maxAge: FLOW_TTL_SECONDS,
  });
}

export const parseLog = (text: string) => {
  try {
    const parsed = log.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** This browser's last sign-in log, or null. */
export async function readFlowLog(): Promise<FlowLog | null> {
  const token = (await cookies()).get(flowCookieName())?.value;
  if (!token) return null;
  const row = await getDb().oAuthFlow.findUnique({ where: { id: hashToken(token) } });
  if (!row || row.expiresAt <= new Date()) return null;
  return parseLog(row.log);
}

/**
 * At sign-out the log forgets everything but which provider it was (so the sign-in page can still
 * say that provider remembers you): the next person at this computer sees nobody's identity.
 */
export async function forgetFlowDetails(): Promise<void> {
  const token = (await cookies()).get(flowCookieName())?.value;
  if (!token) return;
  const id = hashToken(token);
  const row = await getDb().oAuthFlow.findUnique({ where: { id }, select: { provider: true } });
  if (!row) return;
  const bare: FlowLog = {
    provider: row.provider,
    startedAt: new Date().toISOString(),
    steps: [],
    singleSignOn: null,
    outcome: null,
  };
  await getDb().oAuthFlow.update({ where: { id }, data: { log: JSON.stringify(bare) } });
}
