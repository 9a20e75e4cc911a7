import "server-only";
import { endEveryCredential } from "@/lib/auth/account/revoke-all";
import { cookieNames, JWT_REFRESH_PATH } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import type { RequestContext } from "@/lib/request-context";
import { attackVerdict, type Fact, type Verdict } from "./result";
import {
  type Probe,
  type RequestSpec,
  selfRequest,
  withBearer,
  withCookie,
  withRefreshToken,
} from "@/lib/lab/client/probe";

// One person, one kill switch: every credential of every strategy, on every device, ends at once.
// The copies taken before are presented afterwards, each where it works.

export async function killSwitchExperiment(
  userId: string,
  devices: Map<string, string>[],
  context: RequestContext,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const names = cookieNames(isHttps());
  const ended = await endEveryCredential(userId, { reason: "signed_out_everywhere", context });
  const probes: Probe[] = [];
  for (const [i, held] of devices.entries()) {
    const device = `Device ${i + 1}`;
    const seal = held.get(names.session);
    const access = held.get(names.jwtAccess);
    const refresh = held.get(names.jwtRefresh);
    // Each copy this device held, where it would work: all of them refused now.
    const copies: RequestSpec[] = [
      ...(seal
        ? [
            {
              label: `${device}: its copied session cookie`,
              method: "GET" as const,
              path: "/api/session/me",
              expected: 401,
              ...withCookie(names.session, seal, "$SESSION_COOKIE"),
            },
          ]
        : []),
      ...(access
        ? [
            {
              label: `${device}: its copied access token, at the app`,
              method: "GET" as const,
              path: "/api/jwt/me",
              expected: 401,
              ...withBearer(access),
            },
          ]
        : []),
      ...(refresh
        ? [
            {
              label: `${device}: its copied refresh token`,
              method: "POST" as const,
              path: JWT_REFRESH_PATH,
              expected: 401,
              ...withRefreshToken(refresh),
            },
          ]
        : []),
    ];
    for (const copy of copies) probes.push(await selfRequest(copy));
  }
  const refused = probes.length > 0 && probes.every((probe) => probe.asExpected);
  return {
    probes,
    facts: [
      {
        name: "What “sign out everywhere, every strategy” ended",
        value: `${ended.sessions} server sessions, ${ended.families} refresh families, ${ended.oauthSessions} provider sessions, ${ended.devices} trusted devices`,
        note: `One transaction; the person's credential epoch is now ${ended.epoch}, so every credential made before (or by a sign-in still on its way) is refused by the guard that reads it.`,
      },
    ],
    verdict: attackVerdict(refused, {
      refused: [
        "Every copy refused",
        "Sessions are deleted, refresh families revoked and the credential epoch bumped in one transaction: whatever a thief copied from any device stops working at its next request.",
      ],
      worked: [
        "A copy survived the kill switch",
        "A credential copied before the kill switch still works.",
      ],
    }),
  };
}
