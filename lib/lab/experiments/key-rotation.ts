import "server-only";
import { decodeProtectedHeader } from "jose";
import { issueAccessToken } from "@/lib/auth/jwt/access-token";
import type { AccessSubject } from "@/lib/auth/jwt/claims";
import { retireLabKey, rotateLabKey } from "@/lib/auth/jwt/lab-keys";
import { DOWNSTREAM_JWKS_CACHE_SECONDS, DOWNSTREAM_JWKS_COOLDOWN_MS } from "@/lib/downstream";
import type { Fact, Verdict } from "./result";
import { type Probe, redactCredential, selfRequestWithBody } from "@/lib/lab/client/probe";

// Key rotation, the whole cycle, on one refresh family's keys (nobody else's tokens are touched):
// rotate twice, so two lab keys are published and each signs tokens; the older token still
// verifies; retire the older key and its token is refused by the app at once, while a downstream
// service holding a cached JWKS keeps accepting it until that cache expires.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const kidsOf = (body: Record<string, unknown> | undefined) =>
  ((body?.keys as { kid?: string }[] | undefined) ?? []).map((key) => key.kid ?? "?");

export async function keyRotationExperiment(
  subject: AccessSubject,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const nothing = (reason: string) => ({
    probes: [],
    facts: [],
    verdict: { outcome: "nothing-to-try" as const, headline: "Key rotation is off here", reason },
  });
  const jwks = (label: string) =>
    selfRequestWithBody({ label, method: "GET", path: "/.well-known/jwks.json", expected: 200 });
  const present = (label: string, path: string, token: string, expected: number) =>
    selfRequestWithBody({
      label,
      method: "GET",
      path,
      expected,
      headers: { authorization: `Bearer ${token}` },
      sent: [
        {
          name: "Authorization",
          value: `Bearer ${redactCredential(token)} (kid ${String(decodeProtectedHeader(token).kid)})`,
        },
      ],
      curlHeaders: { authorization: "Bearer $ACCESS_TOKEN" },
    });

  const before = await jwks("The JWKS before");
  const first = await rotateLabKey(subject.familyId);
  if (!first.ok)
    return nothing(
      first.reason === "off"
        ? "This deployment has the lab's key rotation turned off (LAB_KEY_ROTATION)."
        : "Too many lab keys are published right now. Try again later.",
    );
  const { token: older } = await issueAccessToken(subject);
  const second = await rotateLabKey(subject.familyId);
  if (!second.ok) return nothing("Too many lab keys are published right now. Try again later.");
  const { token: newer } = await issueAccessToken(subject);
  const during = await jwks("The JWKS after two rotations");

  const olderAtApp = await present(
    "The older token (first lab key), at the app",
    "/api/jwt/me",
    older,
    200,
  );
  // A JWKS client refetches on an unknown kid, but at most once per cooldown.
  await sleep(DOWNSTREAM_JWKS_COOLDOWN_MS + 100);
  const newerDownstream = await present(
    "The newer token (second lab key), at a downstream service",
    "/api/downstream/profile",
    newer,
    200,
  );
  await retireLabKey(subject.familyId, first.kid);
  const after = await jwks("The JWKS after retiring the first lab key");
  const olderRetired = await present(
    "The older token, its key retired, at the app",
    "/api/jwt/me",
    older,
    401,
  );
  const newerAtApp = await present("The newer token, at the app", "/api/jwt/me", newer, 200);
  const olderDownstream = await present(
    "The older token at the downstream service, its JWKS still cached",
    "/api/downstream/profile",
    older,
    200,
  );

  // Either answer is the lesson: a cached JWKS still holds the retired key (200) until the cache
  // is refreshed, after which the service refuses it too (401).
  const cached = olderDownstream.probe.status === 200;
  const probes = [
    ...[before, during, olderAtApp, newerDownstream, after, olderRetired, newerAtApp].map(
      (answer) => answer.probe,
    ),
    {
      ...olderDownstream.probe,
      expected: olderDownstream.probe.status,
      asExpected: cached || olderDownstream.probe.status === 401,
      message: cached
        ? "still accepted: the service's cached JWKS holds the retired key until it refreshes"
        : "refused: the service's JWKS cache has already let the key go",
    },
  ];
  const facts: Fact[] = [
    { name: "Keys published before", value: kidsOf(before.body).join(", ") },
    {
      name: "After two rotations",
      value: kidsOf(during.body).join(", "),
      note: `The newest (${second.kid}) signs this sign-in's tokens; ${first.kid} stays published so the tokens it signed keep working.`,
    },
    { name: "The older token's kid", value: first.kid },
    { name: "The newer token's kid", value: second.kid },
    {
      name: "After retiring the first",
      value: kidsOf(after.body).join(", "),
      note: `A downstream service keeps its copy of the JWKS up to ${DOWNSTREAM_JWKS_CACHE_SECONDS} s: retire a key only once every token it signed has expired, and every cache has let it go.`,
    },
  ];
  const cycle =
    kidsOf(during.body).includes(first.kid) &&
    kidsOf(during.body).includes(second.kid) &&
    !kidsOf(after.body).includes(first.kid) &&
    olderAtApp.probe.status === 200 &&
    newerDownstream.probe.status === 200 &&
    olderRetired.probe.status === 401 &&
    newerAtApp.probe.status === 200;
  return {
    probes,
    facts,
    verdict: cycle
      ? {
          outcome: "shown",
          headline: "Rotated without signing anyone out; retired, and its tokens refused",
          reason:
            "Verifiers pick the key by the token's kid, so a new key can start signing while the old one stays published: nothing breaks. Retiring takes the key out of the JWKS, and the app refuses its tokens at once; services with a cached JWKS follow when their cache expires.",
        }
      : {
          outcome: "worked",
          headline: "The rotation cycle broke somewhere",
          reason: "One of the steps above did not answer as the lesson predicts.",
        },
  };
}
