import "server-only";
import {
  flagsText,
  fromBase64url,
  readAuthenticatorData,
} from "@/lib/auth/passkey/authenticator-data";
import { relyingParty } from "@/lib/auth/passkey/config";
import { LabBrowser } from "@/lib/lab/client/browser";
import {
  type Probe,
  probeOf,
  type RequestSpec,
  selfRequestWithBody,
  type Sent,
} from "@/lib/lab/client/probe";
import { appUrl, jsonOf } from "@/lib/lab/client/send";
import { type ThrowawayPerson, signInOver } from "@/lib/lab/people";
import { type AnswerOptions, softwareAuthenticator } from "@/lib/lab/software-authenticator";

// What every passkey experiment starts from: a throwaway person signs in with their password and
// registers a passkey made by the software authenticator, through the app's real routes (options,
// then verify), as a browser would; then sign-in attempts, each with options of its own (a
// challenge is used up by the answer, whatever the outcome), their answers changed as an attack
// would change them.

export type Authenticator = ReturnType<typeof softwareAuthenticator>;
export type Assertion = ReturnType<Authenticator["assert"]>;

const OPTIONS_PATH = "/api/passkey/authenticate/options";
const VERIFY_PATH = "/api/passkey/authenticate/verify";

/** The credential id and ceremony id as the curl command shows them. */
const placeholders = (assertion: Assertion) => ({
  ceremonyId: "$CEREMONY_ID",
  response: { id: assertion.id, type: assertion.type, response: "$ASSERTION" },
});

/**
 * `person` signs in with a password (a fresh proof, which adding a passkey asks for) and registers
 * a passkey made by a new software authenticator for this app's origin and RP ID.
 */
export async function registerPasskey(
  person: ThrowawayPerson,
  { synced = false, name = "Lab authenticator" } = {},
): Promise<{ authenticator: Authenticator; probes: Probe[] }> {
  const rp = relyingParty();
  const authenticator = softwareAuthenticator({ origin: rp.origin, rpId: rp.id, synced });
  const browser = new LabBrowser();
  await signInOver(browser, "session", person);
  const optionsSpec = {
    label: `Register a ${synced ? "synced" : "device-bound"} passkey: options`,
    method: "POST",
    expected: 200,
    json: { account: "current" },
    curlHeaders: { cookie: "$SESSION_COOKIE", origin: "$APP_URL" },
  } as const;
  const optionsAnswer = await browser.request(appUrl("/api/passkey/register/options"), {
    method: "POST",
    json: optionsSpec.json,
  });
  const options = jsonOf(optionsAnswer) as
    { ceremonyId?: string; options?: { challenge?: string } } | undefined;
  if (!options?.ceremonyId || !options.options?.challenge)
    throw new Error(`passkey registration options answered ${optionsAnswer.status}`);
  const response = authenticator.register(options.options.challenge);
  const verifySpec = {
    label: "Register: the authenticator's answer",
    method: "POST",
    expected: 201,
    json: { ceremonyId: options.ceremonyId, response, name },
    curlJson: { ceremonyId: "$CEREMONY_ID", response: "$ATTESTATION", name },
    curlHeaders: optionsSpec.curlHeaders,
  } as const;
  const verifyAnswer = await browser.request(appUrl("/api/passkey/register/verify"), {
    method: "POST",
    json: verifySpec.json,
  });
  if (verifyAnswer.status !== 201)
    throw new Error(`passkey registration answered ${verifyAnswer.status}`);
  return {
    authenticator,
    probes: [probeOf(optionsAnswer, optionsSpec), probeOf(verifyAnswer, verifySpec)],
  };
}

/** New sign-in options: the ceremony id and the challenge the authenticator signs. */
export async function signInOptions(label = "Sign in with a passkey: options") {
  const { probe, body } = await selfRequestWithBody({
    label,
    method: "POST",
    path: OPTIONS_PATH,
    expected: 200,
    json: { purpose: "sign-in" },
  });
  const options = body as { ceremonyId?: string; options?: { challenge?: string } } | undefined;
  if (!options?.ceremonyId || !options.options?.challenge)
    throw new Error(`passkey sign-in options answered ${probe.status}`);
  return { probe, ceremonyId: options.ceremonyId, challenge: options.options.challenge };
}

/** Presents `assertion` for the ceremony `ceremonyId`; the probe and whether a session came back. */
export async function presentAssertion(
  spec: Pick<RequestSpec, "label" | "expected"> & { sent?: Sent[] },
  ceremonyId: string,
  assertion: Assertion,
) {
  const { probe, headers } = await selfRequestWithBody({
    ...spec,
    method: "POST",
    path: VERIFY_PATH,
    json: { ceremonyId, response: assertion },
    curlJson: placeholders(assertion),
  });
  return { probe, sessionCookie: headers.getSetCookie().length > 0 };
}

/**
 * One sign-in attempt from the start: new options, an assertion by `authenticator` (changed as
 * `lie` says), presented. The probes of both steps, and the assertion (a replay reuses it).
 */
export async function attemptSignIn(
  authenticator: Authenticator,
  spec: Pick<RequestSpec, "label" | "expected"> & { sent?: Sent[] },
  lie: AnswerOptions = {},
) {
  const options = await signInOptions(`${spec.label}: options`);
  const assertion = authenticator.assert(options.challenge, lie);
  const presented = await presentAssertion(spec, options.ceremonyId, assertion);
  return {
    probes: [options.probe, presented.probe],
    probe: presented.probe,
    sessionCookie: presented.sessionCookie,
    assertion,
    ceremonyId: options.ceremonyId,
    challenge: options.challenge,
  };
}

/** What the page shows of a changed assertion: what was changed, decoded, and never the whole. */
export function assertionSent(assertion: Assertion, changed: string): Sent[] {
  const clientData = JSON.parse(
    Buffer.from(assertion.response.clientDataJSON, "base64url").toString(),
  ) as { origin?: string };
  const data = readAuthenticatorData(fromBase64url(assertion.response.authenticatorData));
  if (!data) throw new Error("the software authenticator wrote no authenticator data");
  return [
    { name: "clientDataJSON.origin", value: String(clientData.origin) },
    { name: "authenticatorData.rpIdHash", value: `${data.rpIdHash.slice(0, 16)}…` },
    { name: "authenticatorData flags", value: flagsText(data.flags) },
    { name: "authenticatorData.signCount", value: String(data.counter) },
    { name: "changed", value: changed, changed },
  ];
}
