import "server-only";
import { decodeProtectedHeader } from "jose";
import { issueAccessToken } from "@/lib/auth/jwt/access-token";
import type { AccessSubject } from "@/lib/auth/jwt/claims";
import { LAB_PUBLISH_LEAD_MS, retireLabKey, rotateLabKey } from "@/lib/auth/jwt/lab-keys";
import { DOWNSTREAM_JWKS_CACHE_SECONDS, DOWNSTREAM_JWKS_COOLDOWN_MS } from "@/lib/downstream";
import type { Fact, Verdict } from "./result";
import { type Probe, redactCredential, selfRequestWithBody } from "@/lib/lab/client/probe";

// Key rotation, the whole cycle, on one refresh family's keys (nobody else's tokens are touched):
// publish a key, and only once it has been in the JWKS for a cache lifetime (sped up) sign with
// it, because verifiers elsewhere hold a cached JWKS and must have the key before its first token
// arrives; do that twice, so two lab keys are published and each signs tokens; the older token
// still verifies; retire the older key and its token is refused by the app at once, while a
// downstream service holding a cached JWKS keeps accepting it until that cache expires.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const kidOf = (token: string) => String(decodeProtectedHeader(token).kid);

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
          value: `Bearer ${redactCredential(token)} (kid ${kidOf(token)})`,
        },
      ],
      curlHeaders: { authorization: "Bearer $ACCESS_TOKEN" },
    });

  const before = await jwks("The JWKS before");
  const signingBefore = kidOf((await issueAccessToken(subject)).token);
  // Step 1, publish: the key goes into the JWKS and signs nothing yet.
  const first = await rotateLabKey(subject.familyId);
  if (!first.ok)
    return nothing(
      first.reason === "off"
        ? "This deployment has the lab's key rotation turned off (LAB_KEY_ROTATION): run it locally with npm run dev, where it is on."
        : "Too many lab keys are published right now. Try again later.",
    );
  const published = await jwks(
    "Step 1, publish: the JWKS with the first lab key, which signs nothing yet",
  );
  const signingAtOnce = kidOf((await issueAccessToken(subject)).token);
  // Step 2, sign: a cache lifetime later (sped up), every cached JWKS can hold the key.
  await sleep(LAB_PUBLISH_LEAD_MS + 100);
  const { token: older } = await issueAccessToken(subject);
  const second = await rotateLabKey(subject.familyId);
  if (!second.ok) return nothing("Too many lab keys are published right now. Try again later.");
  await sleep(Math.max(LAB_PUBLISH_LEAD_MS, DOWNSTREAM_JWKS_COOLDOWN_MS) + 100);
  const { token: newer } = await issueAccessToken(subject);
  const during = await jwks("The JWKS after two rotations");

  const olderAtApp = await present(
    "The older token (first lab key), at the app",
    "/api/jwt/me",
    older,
    200,
  );
  // A JWKS client refetches on an unknown kid, but at most once per cooldown: the publish lead
  // just waited is longer, so the downstream service may refetch now (nothing else asked it since).
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
    ...[
      before,
      published,
      during,
      olderAtApp,
      newerDownstream,
      after,
      olderRetired,
      newerAtApp,
    ].map((answer) => answer.probe),
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
      name: "Step 1, publish",
      value: `${first.kid} is in the JWKS; a token issued at once is still signed by ${signingAtOnce}`,
      note: "Verifiers elsewhere cache the JWKS (60 s at the downstream service here, often minutes): a token signed with a key their copy lacks would be refused. So the new key waits a full cache lifetime in the JWKS before it signs anything.",
    },
    {
      name: "Step 2, sign",
      value: `${LAB_PUBLISH_LEAD_MS / 1000} s later (the lab's sped-up cache lifetime), ${kidOf(older)} signs`,
    },
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
  // Each step the lesson predicts, and what to say when it did not happen.
  const steps: [held: boolean, broke: string][] = [
    [kidsOf(published.body).includes(first.kid), "the new key was not published"],
    [signingAtOnce === signingBefore, `the new key signed at once (${signingAtOnce})`],
    [kidOf(older) === first.kid, `the first key did not sign after its lead (${kidOf(older)})`],
    [kidOf(newer) === second.kid, `the second key did not sign after its lead (${kidOf(newer)})`],
    [
      kidsOf(during.body).includes(first.kid) && kidsOf(during.body).includes(second.kid),
      "both keys were not published together",
    ],
    [!kidsOf(after.body).includes(first.kid), "the retired key stayed in the JWKS"],
    [olderAtApp.probe.status === 200, `the older token got ${olderAtApp.probe.status} at the app`],
    [
      newerDownstream.probe.status === 200,
      `the newer token got ${newerDownstream.probe.status} downstream`,
    ],
    [olderRetired.probe.status === 401, `the retired key's token got ${olderRetired.probe.status}`],
    [newerAtApp.probe.status === 200, `the newer token got ${newerAtApp.probe.status} at the app`],
  ];
  const broke = steps.filter(([held]) => !held).map(([, what]) => what);
  const cycle = broke.length === 0;
  return {
    probes,
    facts,
    verdict: cycle
      ? {
          outcome: "shown",
          headline: "Published, then signed with; retired, and its tokens refused",
          reason: `Each new key was in the JWKS ${LAB_PUBLISH_LEAD_MS / 1000} s (standing in for a cache lifetime) before it signed, so no verifier meets a kid it can't find. Verifiers pick the key by the token's kid, so the old key stays published while its tokens live: nothing breaks. Retiring takes the key out of the JWKS, and the app refuses its tokens at once; services with a cached JWKS follow when their cache expires.`,
        }
      : {
          outcome: "worked",
          headline: "The rotation cycle broke somewhere",
          reason: `Not as the lesson predicts: ${broke.join("; ")}.`,
        },
  };
}
