import "server-only";
import { cookieNames } from "@/lib/auth/names";
import { unsealToken } from "@/lib/auth/session/seal";
import { hashToken, redact } from "@/lib/auth/tokens";
import { isHttps } from "@/lib/env";
import { LabBrowser } from "@/lib/lab/client/browser";
import { type ThrowawayPerson, signInOver } from "@/lib/lab/people";
import { appUrl } from "@/lib/lab/client/send";
import { type Probe, probeOf, redactCredential } from "@/lib/lab/client/probe";
import { attackVerdict, type Fact, type Verdict } from "./result";

// Session fixation: an attacker plants a session cookie of theirs in the victim's browser, hoping
// the victim's sign-in makes it the victim's session. Here the victim's browser carries the
// planted cookie to the sign-in; the app issues a new id and ends whatever the browser held.

/** A session cookie's id as the lab shows it: the first characters of the SHA-256 the server keys on. */
async function idOf(seal: string | undefined): Promise<string> {
  const token = seal ? await unsealToken(seal) : null;
  return token ? redact(hashToken(token)) : "none";
}

export async function fixationExperiment(
  attacker: ThrowawayPerson,
  victim: ThrowawayPerson,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const name = cookieNames(isHttps()).session;
  const attackerBrowser = new LabBrowser();
  const planting = await signInOver(attackerBrowser, "session", attacker);
  const planted = attackerBrowser.cookie(appUrl("/"), name) ?? "";

  // The victim's browser holds the planted cookie when the victim signs in.
  const victimBrowser = new LabBrowser();
  const victimSignIn = await victimBrowser.request(appUrl("/api/session/login"), {
    method: "POST",
    json: { email: victim.email, password: victim.password },
    headers: { cookie: `${name}=${planted}` },
  });
  const issued = victimBrowser.cookie(appUrl("/"), name);

  const replay = await new LabBrowser().request(appUrl("/api/session/me"), {
    headers: { cookie: `${name}=${planted}` },
  });
  const victimMe = await new LabBrowser().request(appUrl("/api/session/me"), {
    headers: { cookie: `${name}=${issued ?? ""}` },
  });

  const before = await idOf(planted);
  const after = await idOf(issued);
  const cookie = (value: string) => [
    { name: "Cookie", value: `${name}=${redactCredential(value)}` },
  ];
  const probes = [
    probeOf(planting, {
      label: "The attacker signs in and keeps the cookie",
      method: "POST",
      expected: 200,
    }),
    probeOf(victimSignIn, {
      label: "The victim signs in, the planted cookie in their browser",
      method: "POST",
      expected: 200,
      sent: cookie(planted).map((sent) => ({ ...sent, changed: sent.value.split("=")[1] })),
      curlHeaders: { cookie: `${name}=$PLANTED_COOKIE`, origin: "$APP_URL" },
    }),
    probeOf(replay, {
      label: "The attacker uses the planted cookie afterwards",
      method: "GET",
      expected: 401,
      sent: cookie(planted),
      curlHeaders: { cookie: `${name}=$PLANTED_COOKIE` },
    }),
    probeOf(victimMe, {
      label: "The victim's new cookie",
      method: "GET",
      expected: 200,
      sent: cookie(issued ?? ""),
      curlHeaders: { cookie: `${name}=$VICTIM_COOKIE` },
    }),
  ];
  const facts: Fact[] = [
    { name: "Session id planted (SHA-256, cut short)", value: before },
    {
      name: "Session id after the victim's sign-in",
      value: after,
      note: "A new random id, made at sign-in: nothing the browser held before becomes the victim's session.",
    },
  ];
  const refused = before !== after && replay.status === 401 && victimMe.status === 200;
  return {
    probes,
    facts,
    verdict: attackVerdict(refused, {
      refused: [
        "Fixation refused: a new id at sign-in",
        `The planted session (${before}) was ended when the victim signed in, and the victim got a fresh id (${after}). An id an attacker knows can never become an authenticated session.`,
      ],
      worked: [
        "The planted session survived the sign-in",
        "The id the attacker planted is still usable after the victim signed in.",
      ],
    }),
  };
}
