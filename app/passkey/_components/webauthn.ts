import { fromBase64url, toBase64url } from "@/lib/auth/passkey/authenticator-data";

// The browser's half of a passkey ceremony, in the page's own code: ask the server for options,
// hand them to navigator.credentials, send the answer back as JSON with the ceremony id. Chromium,
// Safari and Firefox parse and serialise the JSON forms themselves; the small fallbacks below
// cover a browser that can't (the bytes that travel as base64url are the challenge, the user id
// and the credential ids).

type Ceremony = "register" | "authenticate";
type Options<C extends Ceremony> = C extends "register"
  ? PublicKeyCredentialCreationOptionsJSON
  : PublicKeyCredentialRequestOptionsJSON;

/** A refusal from the server, in its standard shape, or the browser's own (cancelled, …). */
export class PasskeyProblem extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** Where to confirm it is you, when the server asked for a recent proof. */
    readonly confirmUrl?: string,
  ) {
    super(message);
  }
}

const bytes = fromBase64url;
const base64url = (buffer: ArrayBuffer) => toBase64url(new Uint8Array(buffer));

/** A JSON POST to one of this app's routes: the status and the answer (the standard error shape). */
export async function postJson(path: string, body: unknown) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
    confirm_url?: string;
  };
  return { status: response.status, answer };
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const { status, answer } = await postJson(path, body);
  if (status < 200 || status >= 300)
    throw new PasskeyProblem(
      answer.error?.message ?? `The server answered ${status}.`,
      answer.error?.code ?? "unknown",
      answer.confirm_url,
    );
  return answer as T;
}

/** Asks the server to start a ceremony: its options and the opaque id to send back. */
export function startCeremony<C extends Ceremony>(ceremony: C, body: unknown) {
  return post<{ ceremonyId: string; options: Options<C> }>(
    `/api/passkey/${ceremony}/options`,
    body,
  );
}

/** Sends the authenticator's answer back with the ceremony id. */
export function finishCeremony<T>(ceremony: Ceremony, body: Record<string, unknown>) {
  return post<T>(`/api/passkey/${ceremony}/verify`, body);
}

function creationOptions(json: PublicKeyCredentialCreationOptionsJSON) {
  if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function")
    return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return {
    ...json,
    challenge: bytes(json.challenge),
    user: { ...json.user, id: bytes(json.user.id) },
    excludeCredentials: json.excludeCredentials?.map((item) => ({ ...item, id: bytes(item.id) })),
  } as PublicKeyCredentialCreationOptions;
}

function requestOptions(json: PublicKeyCredentialRequestOptionsJSON) {
  if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function")
    return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return {
    ...json,
    challenge: bytes(json.challenge),
    allowCredentials: json.allowCredentials?.map((item) => ({ ...item, id: bytes(item.id) })),
  } as PublicKeyCredentialRequestOptions;
}

/** The credential as JSON (base64url everywhere), as the server's schemas expect it. */
function toJSON(credential: PublicKeyCredential): unknown {
  if (typeof credential.toJSON === "function") return credential.toJSON();
  const response = credential.response as AuthenticatorAttestationResponse &
    AuthenticatorAssertionResponse;
  const encoded = (buffer: ArrayBuffer | null | undefined) =>
    buffer ? base64url(buffer) : undefined;
  return {
    id: credential.id,
    rawId: base64url(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: base64url(response.clientDataJSON),
      attestationObject: encoded(response.attestationObject),
      transports: response.getTransports?.(),
      authenticatorData: encoded(response.authenticatorData),
      signature: encoded(response.signature),
      userHandle: encoded(response.userHandle),
    },
    clientExtensionResults: credential.getClientExtensionResults(),
  };
}

/** What the browser says when the person cancels or no passkey is there, in a sentence. */
function browserProblem(error: unknown): PasskeyProblem {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError")
    return new PasskeyProblem("The passkey request was cancelled or timed out.", "cancelled");
  if (name === "InvalidStateError")
    return new PasskeyProblem("This device already holds a passkey for this account.", "exists");
  if (name === "AbortError") return new PasskeyProblem("Stopped.", "aborted");
  // Any other refusal keeps the browser's own name for it (SecurityError: another site's RP ID).
  return new PasskeyProblem(
    error instanceof Error ? error.message : "The browser refused the passkey request.",
    name || "browser",
  );
}

// The autofill's request waits as long as the page is open; any other ceremony on the page stops
// it first, or its answer (say, the passkey just made) would sign in a second time.
let autofill: AbortController | null = null;

export function stopAutofill() {
  autofill?.abort();
  autofill = null;
}

export async function createCredential(options: PublicKeyCredentialCreationOptionsJSON) {
  stopAutofill();
  try {
    const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
    return toJSON(credential as PublicKeyCredential);
  } catch (error) {
    throw browserProblem(error);
  }
}

/**
 * An assertion; `conditional` waits for the person to pick a passkey in the field's autofill
 * (until another ceremony on the page, or `stopAutofill`, stops it).
 */
export async function getCredential(
  options: PublicKeyCredentialRequestOptionsJSON,
  { conditional = false }: { conditional?: boolean } = {},
) {
  stopAutofill();
  const controller = conditional ? new AbortController() : null;
  autofill = controller;
  try {
    const credential = await navigator.credentials.get({
      publicKey: requestOptions(options),
      ...(controller ? { mediation: "conditional" as const, signal: controller.signal } : {}),
    });
    return toJSON(credential as PublicKeyCredential);
  } catch (error) {
    throw browserProblem(error);
  }
}

export const passkeysSupported = () =>
  typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";

export async function autofillSupported(): Promise<boolean> {
  if (!passkeysSupported()) return false;
  return (await PublicKeyCredential.isConditionalMediationAvailable?.()) ?? false;
}
