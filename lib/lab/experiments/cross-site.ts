import "server-only";
import { cookieNames, STRATEGY_IDS, STRATEGIES } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import { attackVerdict, codesOf, type Verdict } from "./result";
import {
  type Probe,
  redactCredential,
  selfRequest,
  selfRequestWithBody,
} from "@/lib/lab/client/probe";

// A cross-site request forgery, as the attacker page sends it: for each strategy, a POST to the
// notes route carrying this browser's cookies, from another site's Origin. (In a real browser,
// SameSite=Lax already keeps the cookies home; this checks the server's own line of defence, the
// Origin check, with the cookies attached anyway.) Then the notes are counted: nothing was created.

export const ATTACKER_ORIGIN = "http://127.0.0.1:9";

async function countNotes(cookie: string): Promise<number> {
  let total = 0;
  for (const id of STRATEGY_IDS) {
    const { body } = await selfRequestWithBody({
      label: "count",
      method: "GET",
      path: `${STRATEGIES[id].api}/notes`,
      headers: { cookie },
      expected: 200,
    });
    total += Array.isArray(body?.notes) ? body.notes.length : 0;
  }
  return total;
}

export async function crossSiteExperiment(
  held: Map<string, string>,
): Promise<{ probes: Probe[]; verdict: Verdict }> {
  const names = cookieNames(isHttps());
  const cookie = [names.session, names.jwtAccess, names.oauthSession]
    .filter((name) => held.has(name))
    .map((name) => `${name}=${held.get(name)}`)
    .join("; ");
  const before = await countNotes(cookie);
  const probes: Probe[] = [];
  for (const id of STRATEGY_IDS) {
    probes.push(
      await selfRequest({
        label: `${STRATEGIES[id].label}: a forged note from another site`,
        method: "POST",
        path: `${STRATEGIES[id].api}/notes`,
        headers: { cookie, origin: ATTACKER_ORIGIN },
        json: { body: "planted by the attacker page" },
        expected: 403,
        sent: [
          { name: "Origin", value: ATTACKER_ORIGIN, changed: ATTACKER_ORIGIN },
          { name: "Cookie", value: cookie ? redactCredential(cookie) : "(none held)" },
        ],
        curlHeaders: { origin: ATTACKER_ORIGIN, cookie: "$YOUR_COOKIES" },
      }),
    );
  }
  const after = await countNotes(cookie);
  const refused = probes.every((probe) => probe.asExpected) && after === before;
  return {
    probes,
    verdict: attackVerdict(refused, {
      refused: `Every forged POST was refused (${codesOf(probes)}) because its Origin is another site, and nothing was created (${before} notes before, ${after} after). In a browser, SameSite=Lax wouldn't even have attached the cookies.`,
      worked: `A forged request got through: ${after - before} note(s) created.`,
    }),
  };
}
