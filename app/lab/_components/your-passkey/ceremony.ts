import { getCredential, postJson, startCeremony } from "@/app/passkey/_components/webauthn";
import {
  flagsText,
  fromBase64url,
  readAuthenticatorData,
  toBase64url,
} from "@/lib/auth/passkey/authenticator-data";
import { curlFor } from "@/lib/lab/client/curl";
import type { Probe, Sent } from "@/lib/lab/client/probe";
import type { Attempt } from "@/lib/lab/experiments/passkey-verdicts";

// The visitor's own passkey, asked by this page through the app's real routes (a re-proof: the
// ceremony is bound to the person signed in, so another account's passkey can't stand in), its
// answer sent as it came or changed as an attack would change it. Each request becomes a probe
// like the server's experiments show: what was sent (decoded, the changed part marked), what came
// back, the curl that repeats it.

const OPTIONS_PATH = "/api/passkey/authenticate/options";
const VERIFY_PATH = "/api/passkey/authenticate/verify";

/** What navigator.credentials.get gives as JSON (PublicKeyCredential.toJSON()). */
export type Assertion = {
  id: string;
  rawId: string;
  type: string;
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
  clientExtensionResults?: Record<string, unknown>;
  authenticatorAttachment?: string;
};

const cut = (value: string, keep = 12) =>
  value.length <= keep ? value : `${value.slice(0, keep)}…`;

const curlHeaders = { cookie: "$SESSION_COOKIE", origin: "$APP_URL" };

/** The answer as anyone holding it can read it (like a passkey debugger), `changed` marked. */
export function describe(assertion: Assertion, changed?: { name: string; value: string }): Sent[] {
  const client = JSON.parse(
    new TextDecoder().decode(fromBase64url(assertion.response.clientDataJSON)),
  ) as { type?: string; origin?: string; challenge?: string };
  const data = readAuthenticatorData(fromBase64url(assertion.response.authenticatorData));
  const sent: Sent[] = [
    { name: "credential id", value: cut(assertion.id) },
    { name: "clientDataJSON.type", value: String(client.type) },
    { name: "clientDataJSON.origin", value: String(client.origin) },
    { name: "clientDataJSON.challenge", value: cut(String(client.challenge)) },
  ];
  if (data)
    sent.push(
      { name: "authenticatorData.rpIdHash", value: cut(data.rpIdHash, 16) },
      { name: "authenticatorData flags", value: flagsText(data.flags) },
      { name: "authenticatorData.signCount", value: String(data.counter) },
    );
  sent.push({ name: "signature", value: cut(assertion.response.signature) });
  if (changed) sent.push({ ...changed, changed: changed.value });
  return sent;
}

/** The flags and counter the authenticator reported in this answer. */
export function reported(assertion: Assertion) {
  return readAuthenticatorData(fromBase64url(assertion.response.authenticatorData));
}

/** The answer with one bit of its signature flipped: what a forger without the key can send. */
export function withForgedSignature(assertion: Assertion): Assertion {
  const signature = fromBase64url(assertion.response.signature);
  const last = signature.length - 1;
  signature[last] = (signature[last] ?? 0) ^ 0x01;
  return {
    ...assertion,
    response: { ...assertion.response, signature: toBase64url(signature) },
  };
}

async function post(path: string, body: unknown) {
  const { status, answer } = await postJson(path, body);
  return { status, error: answer.error ?? null };
}

function probe(
  label: string,
  path: string,
  expected: number,
  answer: Awaited<ReturnType<typeof post>>,
  sent: Sent[],
  curlJson: unknown,
): Probe {
  return {
    label,
    method: "POST",
    path,
    sent,
    status: answer.status,
    expected,
    code: answer.error?.code ?? null,
    message: answer.error?.message ?? null,
    asExpected: answer.status === expected,
    curl: curlFor(
      { method: "POST", curlJson, curlHeaders },
      new URL(path, window.location.origin).toString(),
    ),
  };
}

/** A ceremony's options from the server, then this browser's passkey's answer to them. */
export async function ask(
  label: string,
  change: Partial<PublicKeyCredentialRequestOptionsJSON> = {},
) {
  const { ceremonyId, options } = await startCeremony("authenticate", { purpose: "reproof" });
  const optionsProbe = probe(
    `${label}: options`,
    OPTIONS_PATH,
    200,
    { status: 200, error: null },
    [{ name: "purpose", value: "reproof" }],
    { purpose: "reproof" },
  );
  const assertion = (await getCredential({ ...options, ...change })) as Assertion;
  return { ceremonyId, assertion, optionsProbe };
}

/** Presents `assertion` for the ceremony; the probe, and the attempt a verdict reads. */
export async function present(
  label: string,
  expected: number,
  ceremonyId: string,
  assertion: Assertion,
  changed?: { name: string; value: string },
): Promise<{ probe: Probe; attempt: Attempt }> {
  const answer = await post(VERIFY_PATH, { ceremonyId, response: assertion });
  const sent = describe(assertion, changed);
  const curlJson = { ceremonyId: "$CEREMONY_ID", response: "$ASSERTION" };
  return {
    probe: probe(label, VERIFY_PATH, expected, answer, sent, curlJson),
    attempt: { status: answer.status, code: answer.error?.code ?? null },
  };
}
