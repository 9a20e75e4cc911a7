import "server-only";
import { recentProofSeconds } from "@/lib/auth/account/recent-proof";
import { cookieNames } from "@/lib/auth/names";
import { sealToken } from "@/lib/auth/session/seal";
import { createSession } from "@/lib/auth/session/store";
import { personWithEpoch } from "@/lib/auth/account/person";
import { isHttps } from "@/lib/env";
import { LabBrowser } from "@/lib/lab/client/browser";
import { type ThrowawayPerson, signInOver } from "@/lib/lab/people";
import { appUrl } from "@/lib/lab/client/send";
import { probeOf, redactCredential } from "@/lib/lab/client/probe";
import type { Fact, Verdict } from "./result";

// The takeover attempt: a thief holds a copy of the victim's session cookie from a sign-in made a
// while ago. It signs them in; the question is whether it can become the account for good, by
// exchanging it for a brand-new JWT pair and linking the thief's own provider with that. Every
// credential carries the moment of the proof it came from, and an exchange copies it: the new pair
// is as old as the theft, so the link asks for a proof the thief can't give. The victim, signing
// in again, can.

export async function takeoverExperiment(
  victim: ThrowawayPerson,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const names = cookieNames(isHttps());
  // The stolen cookie's sign-in, dated back past the window (the experiment can't wait minutes).
  const ageSeconds = recentProofSeconds() + 60;
  const person = await personWithEpoch(victim.id);
  if (!person) throw new Error("the victim was removed before the experiment ran");
  const authTime = new Date(Date.now() - ageSeconds * 1000);
  const { token } = await createSession(
    person,
    { epoch: person.epoch, authTime, method: "password" },
    { ip: null, userAgent: "the victim's browser" },
  );
  const stolen = await sealToken(token);
  const sessionCookie = `${names.session}=${stolen}`;
  const cookieSent = [{ name: "Cookie", value: `${names.session}=${redactCredential(stolen)}` }];

  const thief = new LabBrowser();
  const me = await thief.request(appUrl("/api/session/me"), { headers: { cookie: sessionCookie } });
  const exchange = await thief.request(appUrl("/api/jwt/exchange/session"), {
    method: "POST",
    headers: { cookie: sessionCookie },
  });
  const access = String(
    (JSON.parse(exchange.body || "{}") as { access_token?: unknown }).access_token ?? "",
  );
  const copiedAuthTime = access ? claimAuthTime(access) : null;
  const accessCookie = `${names.jwtAccess}=${access}`;
  const link = (cookie: string) =>
    thief.request(appUrl("/api/account/link"), {
      method: "POST",
      json: { provider: "github" },
      headers: { cookie },
    });
  const linkWithBoth = await link(`${sessionCookie}; ${accessCookie}`);
  const linkWithPair = await link(accessCookie);

  // The victim signs in again: a new proof, and the same request is let through.
  const owner = new LabBrowser();
  await signInOver(owner, "session", victim);
  const ownerLink = await owner.request(appUrl("/api/account/link"), {
    method: "POST",
    json: { provider: "github" },
  });

  const linkCurl = { cookie: "$STOLEN_COOKIES", origin: "$APP_URL" };
  const probes = [
    probeOf(me, {
      label: "The stolen session cookie signs the thief in",
      method: "GET",
      expected: 200,
      sent: cookieSent,
      curlHeaders: { cookie: `${names.session}=$STOLEN_COOKIE` },
    }),
    probeOf(exchange, {
      label: "The thief exchanges it for a brand-new JWT pair",
      method: "POST",
      expected: 200,
      sent: cookieSent,
      curlHeaders: { cookie: `${names.session}=$STOLEN_COOKIE`, origin: "$APP_URL" },
    }),
    probeOf(linkWithBoth, {
      label: "…and asks to link their own GitHub, holding both",
      method: "POST",
      expected: 403,
      json: { provider: "github" },
      sent: [
        ...cookieSent,
        { name: "Cookie", value: `${names.jwtAccess}=${redactCredential(access)}` },
      ],
      curlHeaders: linkCurl,
    }),
    probeOf(linkWithPair, {
      label: "…or with the new pair alone",
      method: "POST",
      expected: 403,
      json: { provider: "github" },
      sent: [{ name: "Cookie", value: `${names.jwtAccess}=${redactCredential(access)}` }],
      curlHeaders: linkCurl,
    }),
    probeOf(ownerLink, {
      label: "The victim signs in again and asks the same",
      method: "POST",
      expected: 200,
      json: { provider: "github" },
      curlHeaders: { cookie: "$FRESH_SESSION_COOKIE", origin: "$APP_URL" },
    }),
  ];
  const stolenAt = Math.floor(authTime.getTime() / 1000);
  const facts: Fact[] = [
    {
      name: "The stolen sign-in's proof (auth_time)",
      value: new Date(stolenAt * 1000).toISOString(),
      note: `Dated ${Math.round(ageSeconds / 60)} minutes back: sensitive actions want a proof from the last ${Math.round(recentProofSeconds() / 60)}.`,
    },
    {
      name: "The exchanged access token's auth_time",
      value: copiedAuthTime === null ? "none" : new Date(copiedAuthTime * 1000).toISOString(),
      note:
        copiedAuthTime === stolenAt
          ? "Copied from the stolen session, not made new: an exchange never manufactures a fresh proof."
          : "Not the stolen session's: the exchange made the proof newer than it was.",
    },
  ];
  const refusedCode = (status: number, body: string) =>
    status === 403 && body.includes('"reauth_required"');
  const refused =
    me.status === 200 &&
    copiedAuthTime === stolenAt &&
    refusedCode(linkWithBoth.status, linkWithBoth.body) &&
    refusedCode(linkWithPair.status, linkWithPair.body);
  const ownerOk = ownerLink.status === 200;
  return {
    probes,
    facts,
    verdict: refused
      ? {
          outcome: "refused",
          headline: "The stolen cookie signs in, but never becomes the account",
          reason: `The copy still works as a sign-in (${me.status}), and the exchange gave a new pair (${exchange.status}) carrying the stolen proof's auth_time. Linking answered ${linkWithBoth.status} reauth_required with both and ${linkWithPair.status} with the pair alone${ownerOk ? `, while the victim's fresh sign-in got ${ownerLink.status}` : `; the victim's fresh sign-in got ${ownerLink.status}`}.`,
        }
      : {
          outcome: "worked",
          headline: "The stolen cookie could start a link",
          reason: `Linking answered ${linkWithBoth.status} with the stolen cookie and ${linkWithPair.status} with the exchanged pair; the exchanged token's auth_time was ${copiedAuthTime ?? "missing"} for a proof made at ${stolenAt}.`,
        },
  };
}

type Probe = ReturnType<typeof probeOf>;

function claimAuthTime(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      auth_time?: unknown;
    };
    return typeof payload.auth_time === "number" ? payload.auth_time : null;
  } catch {
    return null;
  }
}
