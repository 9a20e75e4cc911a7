import * as z from "zod/mini";

// One GET from the browser, reduced to what the expiry experiment shows: status and error code.
// Answers are parsed, not trusted: anything unexpected reads as "no code". (zod/mini: the same
// checks as zod, at a fraction of the bundle size, for code that runs in the browser.)

export type CheckResult = { status: number; code: string | null };

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The app's standard error shape, when that is what came back. */
export async function readError(
  response: Response,
): Promise<{ code: string; message: string } | null> {
  const parsed = errorBody.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.error : null;
}

export async function checkRequest(path: string): Promise<CheckResult | null> {
  const response = await fetch(path, { cache: "no-store" }).catch(() => null);
  if (!response) return null;
  const error = response.ok ? null : await readError(response);
  return { status: response.status, code: error?.code ?? null };
}

export function describeCheck(path: string, result: CheckResult): string {
  return `GET ${path} → ${result.status}${result.code ? ` ${result.code}` : ""}`;
}
