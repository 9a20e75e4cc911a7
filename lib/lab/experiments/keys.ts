import "server-only";
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { jwtSettings } from "@/lib/auth/jwt/config";
import { demonstrationVerdict, type Fact, type Verdict } from "./result";
import { type Probe, redactCredential, selfRequestWithBody } from "@/lib/lab/client/probe";

// Asymmetric keys: the JWKS publishes public keys only, and that is all a verifier needs. And
// stateless verification: a service with nothing but the JWKS accepts the token, and its
// Server-Timing shows a signature check and no database.

const PRIVATE_FIELDS = ["d", "p", "q", "dp", "dq", "qi", "k"];

export async function jwksExperiment(
  accessToken: string,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const { probe, body } = await selfRequestWithBody({
    label: "The public keys, as any service fetches them",
    method: "GET",
    path: "/.well-known/jwks.json",
    expected: 200,
  });
  const jwks = (body ?? { keys: [] }) as unknown as JSONWebKeySet;
  const leaked = jwks.keys.flatMap((key) => PRIVATE_FIELDS.filter((field) => field in key));
  const { issuer, audience } = jwtSettings();
  const verified = await jwtVerify(accessToken, createLocalJWKSet(jwks), { issuer, audience })
    .then(({ protectedHeader }) => `yes, with kid ${protectedHeader.kid}`)
    .catch((error: unknown) => `no (${error instanceof Error ? error.name : "error"})`);
  const facts: Fact[] = [
    ...jwks.keys.map((key) => ({
      name: `Key ${key.kid}`,
      value: `${key.kty} ${key.crv ?? ""} ${key.alg ?? ""}`.trim(),
      note: "x and y: the public point. No d: the private part never leaves the issuer.",
    })),
    { name: "Private fields published", value: leaked.length ? leaked.join(", ") : "none" },
    {
      name: "A real access token verifies against it",
      value: verified,
      note: `Checked here with only the JWKS (token ${redactCredential(accessToken)}).`,
    },
  ];
  const ok = leaked.length === 0 && verified.startsWith("yes");
  return {
    probes: [probe],
    facts,
    verdict: demonstrationVerdict(ok, {
      held: [
        "Verifiers can check, not sign",
        "ES256 signs with a private key and verifies with a public one, so every service can hold the JWKS and none of them can mint a token. With HS256 every verifier would hold the signing secret.",
      ],
      failed:
        leaked.length > 0
          ? [
              "The JWKS leaks a private key",
              `A private field is published (${leaked.join(", ")}): anyone could sign tokens.`,
            ]
          : [
              "The token did not verify against the JWKS",
              "The published keys did not verify the app's own token: a verifier holding only the JWKS would refuse every sign-in.",
            ],
    }),
  };
}

export async function statelessExperiment(
  accessToken: string,
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const bearer = {
    headers: { authorization: `Bearer ${accessToken}` },
    sent: [{ name: "Authorization", value: `Bearer ${redactCredential(accessToken)}` }],
    curlHeaders: { authorization: "Bearer $ACCESS_TOKEN" },
  };
  const downstream = await selfRequestWithBody({
    label: "A downstream service that holds only the JWKS",
    method: "GET",
    path: "/api/downstream/profile",
    expected: 200,
    ...bearer,
  });
  const checked = await selfRequestWithBody({
    label: "The app's own API (the checked verifier)",
    method: "GET",
    path: "/api/jwt/me",
    expected: 200,
    ...bearer,
  });
  const timing = (headers: Headers) => headers.get("server-timing") ?? "(none)";
  const downstreamTiming = timing(downstream.headers);
  const usedStore = /\b(db|redis)\b/.test(downstreamTiming);
  return {
    probes: [downstream.probe, checked.probe],
    facts: [
      {
        name: "Downstream Server-Timing",
        value: downstreamTiming,
        note: "A signature check: no database, no Redis.",
      },
      {
        name: "The app's Server-Timing",
        value: timing(checked.headers),
        note: "The checked verifier adds one lookup, so sign-out and revocation work at once.",
      },
    ],
    verdict: demonstrationVerdict(downstream.probe.status === 200 && !usedStore, {
      held: [
        "Verified with nothing stored",
        "The downstream service accepted the token from its signature and claims alone: that is what stateless means. The price: nothing there can be revoked before exp; the app's own API adds a lookup to get that back.",
      ],
      failed: usedStore
        ? [
            "The downstream check needed a store",
            "Its Server-Timing shows a store lookup: that verifier is not stateless.",
          ]
        : [
            "The downstream service refused the token",
            `It answered ${downstream.probe.status}${downstream.probe.code ? ` (${downstream.probe.code})` : ""} to a token the app had just issued.`,
          ],
    }),
  };
}
