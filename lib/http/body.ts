import "server-only";
import type { z } from "zod";
import { allPlainText, NOT_PLAIN_TEXT } from "@/lib/text";
import { jsonError } from "./json";

// Reads a JSON body the strict way: right content type, bounded size, valid against a schema.
// Every failure is a 4xx with the standard error shape, never an exception.

export const MAX_JSON_BODY_BYTES = 16 * 1024;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<BodyResult<z.output<T>>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return {
      ok: false,
      response: jsonError(415, "unsupported_media_type", "Send the body as application/json."),
    };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };

  const text = await readLimited(request, maxBytes);
  if (text === null) return { ok: false, response: tooLarge(maxBytes) };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "bad_request", "The body is not valid JSON.") };
  }
  if (!allPlainText(value)) {
    return { ok: false, response: jsonError(400, "bad_request", NOT_PLAIN_TEXT) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return {
      ok: false,
      response: jsonError(400, "bad_request", `${where}${issue?.message ?? "Invalid body."}`),
    };
  }
  return { ok: true, data: parsed.data };
}

function tooLarge(maxBytes: number) {
  return jsonError(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);
}

/** The body as text, or null once it passes `maxBytes` (a chunked body has no Content-Length). */
async function readLimited(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
