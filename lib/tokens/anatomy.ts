// A JWS in compact form, taken apart the way anyone holding it can: three base64url parts joined
// by dots. Nothing here needs a key, which is the lesson: a JWT is encoded, not encrypted. Used on
// the server (to build what a page shows) and in the browser (the viewer's live edits).

export type JsonObject = Record<string, unknown>;

/** A token as pages may show it: header and payload whole, the signature never (see below). */
export type TokenView = {
  /** Which token this is, for the signature check endpoint (lib/tokens/sources.ts). */
  source: TokenSource;
  label: string;
  encodedHeader: string;
  encodedPayload: string;
  header: JsonObject;
  payload: JsonObject;
  /**
   * The signature is what makes a token usable by whoever holds it, so a page never carries it
   * whole: a script on the page could read the DOM even though it can't read the HttpOnly cookie.
   */
  signaturePreview: string;
  bytes: { header: number; payload: number; signature: number; total: number };
};

export type TokenSource = "access" | "id-token";

export type SplitToken = {
  encodedHeader: string;
  encodedPayload: string;
  signature: string;
  header: JsonObject;
  payload: JsonObject;
};

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fromBase64Url(part: string): string {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The JSON object a base64url part holds, or null when it holds anything else. */
export function decodePart(part: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(fromBase64Url(part));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

export function splitToken(token: string): SplitToken | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [encodedHeader = "", encodedPayload = "", signature = ""] = parts;
  const header = decodePart(encodedHeader);
  const payload = decodePart(encodedPayload);
  if (!header || !payload) return null;
  return { encodedHeader, encodedPayload, signature, header, payload };
}

export function tokenView(source: TokenSource, label: string, token: string): TokenView | null {
  const split = splitToken(token);
  if (!split) return null;
  return {
    source,
    label,
    encodedHeader: split.encodedHeader,
    encodedPayload: split.encodedPayload,
    header: split.header,
    payload: split.payload,
    signaturePreview: split.signature.slice(0, 6),
    bytes: {
      header: split.encodedHeader.length,
      payload: split.encodedPayload.length,
      signature: split.signature.length,
      total: token.length,
    },
  };
}

/**
 * The part as it should be sent after an edit: the original bytes when the JSON means the same
 * (re-encoding would change them, and with them the signature), otherwise the edit, compacted.
 */
export function encodeEdited(original: string, edited: JsonObject): string {
  const before = decodePart(original);
  return before && JSON.stringify(before) === JSON.stringify(edited)
    ? original
    : toBase64Url(JSON.stringify(edited));
}

/** The claims whose values differ between two payloads (added and removed ones included). */
export function changedClaims(before: JsonObject, after: JsonObject): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
