import "server-only";
import { startFamily } from "@/lib/auth/jwt/refresh";
import { JWT_REFRESH_PATH } from "@/lib/auth/names";
import type { Provenance } from "@/lib/auth/proof";
import type { RequestContext } from "@/lib/request-context";
import { attackVerdict, type Verdict } from "./result";
import { type Probe, selfRequestWithBody, withRefreshToken } from "@/lib/lab/client/probe";

// Refresh token reuse: a second device signs in (a new family), refreshes twice, and then the
// first refresh token, already used, is presented again, as a thief holding an old copy would.
// The server can't tell thief from owner, so it revokes the whole family, newest token included.

export async function refreshReuseExperiment(
  userId: string,
  /** The proof of the person's own sign-in: the second device is no fresher than it. */
  provenance: Provenance,
  context: RequestContext,
): Promise<{ probes: Probe[]; verdict: Verdict }> {
  const { refreshToken: first } = await startFamily(userId, provenance, context);
  const rotate = async (label: string, token: unknown, name: string, expected: number) => {
    const value = typeof token === "string" ? token : "";
    return selfRequestWithBody({
      label,
      method: "POST",
      path: JWT_REFRESH_PATH,
      expected,
      ...withRefreshToken(
        value,
        `$REFRESH_TOKEN_${name.split(" ")[1] ?? ""}`,
        `refresh_token (${name})`,
      ),
    });
  };
  const one = await rotate("Refresh once (token 1 is used, token 2 issued)", first, "token 1", 200);
  const second = one.body?.refresh_token;
  const two = await rotate("Refresh again with token 2 (token 3 issued)", second, "token 2", 200);
  const reuse = await rotate("Present token 1 again (already used)", first, "token 1", 401);
  const third = two.body?.refresh_token;
  const newest = await rotate("Present token 3, the newest", third, "token 3", 401);
  const probes = [one, two, reuse, newest].map(({ probe }) => probe);
  const caught = reuse.probe.status === 401 && newest.probe.status === 401;
  const verdict = attackVerdict(caught, {
    refused: [
      "Reuse detected: the family is revoked",
      "A used refresh token came back, which only a copy can do. The server can't tell the thief from the owner, so it revoked the whole family: token 3, the newest and never used, is refused too (RFC 9700 §4.14.2).",
    ],
    worked: [
      "Reuse went unnoticed",
      "A used refresh token was accepted again: rotation without reuse detection.",
    ],
  });
  return { probes, verdict };
}
