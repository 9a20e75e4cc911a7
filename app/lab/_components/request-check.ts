// One GET from the browser, reduced to what the expiry experiment shows: status and error code.

export type CheckResult = { status: number; code: string | null; at: number };

export async function checkRequest(path: string): Promise<CheckResult | null> {
  const response = await fetch(path, { cache: "no-store" }).catch(() => null);
  if (!response) return null;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: response.status, code: body?.error?.code ?? null, at: Date.now() };
}

export function describeCheck(path: string, result: CheckResult): string {
  return `GET ${path} → ${result.status}${result.code ? ` ${result.code}` : ""}`;
}
