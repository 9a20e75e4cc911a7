import "server-only";
import { startFamily } from "@/lib/auth/jwt/refresh";
import type { RequestContext } from "@/lib/request-context";
import { type Probe, selfRequestWithBody } from "./self-request";

// Refresh token reuse: a second device signs in (a new family), refreshes twice, and then the
// first refresh token, already used, is presented again, as a thief holding an old copy would.
// The server can't tell thief from owner, so it revokes the whole family, newest token included.

export async function refreshReuseExperiment(
  userId: string,
  context: RequestContext,
): Promise<Probe[]> {
  const { refreshToken: first } = await startFamily(userId, context);
  const rotate = async (label: string, token: unknown, expected: number) =>
    selfRequestWithBody(
      label,
      "POST",
      "/api/jwt/refresh",
      { "content-type": "application/json" },
      expected,
      {
        refresh_token: typeof token === "string" ? token : "",
      },
    );
  const one = await rotate("Refresh once (token 1 is used, token 2 issued)", first, 200);
  const two = await rotate(
    "Refresh again with token 2 (token 3 issued)",
    one.body?.refresh_token,
    200,
  );
  const reuse = await rotate("Present token 1 again (already used)", first, 401);
  const newest = await rotate("Present token 3, the newest", two.body?.refresh_token, 401);
  return [one, two, reuse, newest].map(({ probe }) => probe);
}
