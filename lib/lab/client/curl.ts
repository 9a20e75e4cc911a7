import type { RequestSpec } from "./probe";

// The curl command a probe shows, for a request the server made or one the visitor's own browser
// made (the passkey attacks run there): the same shape either way.

/** A safety net under curlJson: a long base64url string in a body is a credential, never printed. */
const hideTokens = (_key: string, value: unknown) =>
  typeof value === "string" && /^[\w.-]{32,}$/.test(value) ? "$TOKEN" : value;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The curl command that repeats a request to `url`, real credentials as placeholders. */
export function curlFor(
  spec: Pick<RequestSpec, "method" | "json" | "curlJson" | "curlHeaders">,
  url: string,
): string {
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
  parts.push(quote(url));
  return parts.join(" ");
}
