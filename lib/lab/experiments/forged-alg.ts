import "server-only";
import { createHmac } from "node:crypto";
import { publicJwks } from "@/lib/auth/jwt/keys";
import { jwtSettings } from "@/lib/auth/jwt/config";
import { attackVerdict, codesOf, type Verdict } from "./result";
import { type Probe, selfRequest } from "@/lib/lab/client/probe";

// Forged algorithm: the two classic attacks on naive verifiers. "alg: none" (no signature at all)
// and HS256 signed with the server's *public* key as the HMAC secret (key confusion: a verifier
// that trusts the header's alg would use the public key it has). The app's allowlist is ES256 only.
// Neither forgery holds a secret, so both are shown whole, and the curl commands repeat them as is.

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function forgedAlgorithmExperiment(
  userId: string,
): Promise<{ probes: Probe[]; verdict: Verdict }> {
  const { issuer, audience } = jwtSettings();
  const { keys } = await publicJwks();
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer,
    aud: audience,
    sub: userId,
    fam: "forged",
    ver: 0,
    jti: "forged",
    iat: now,
    exp: now + 600,
  };
  const payload = b64(claims);

  // What each header claims, beside what the app's own tokens say (ES256, a kid).
  const noneClaims = { alg: "none", typ: "at+jwt" };
  const noneHeader = b64(noneClaims);
  const none = `${noneHeader}.${payload}.`;
  const hsClaims = { alg: "HS256", typ: "at+jwt", kid: keys[0]?.kid };
  const hsHeader = b64(hsClaims);
  const secret = JSON.stringify(keys[0]); // the public key, as an attacker would have it
  const signature = createHmac("sha256", secret)
    .update(`${hsHeader}.${payload}`)
    .digest("base64url");
  const hs = `${hsHeader}.${payload}.${signature}`;

  const probe = (label: string, token: string, changed: string, header: object) =>
    selfRequest({
      label,
      method: "GET",
      path: "/api/jwt/me",
      headers: { authorization: `Bearer ${token}` },
      expected: 401,
      sent: [
        {
          name: "Authorization",
          value: `Bearer ${token}`,
          changed,
          decoded: {
            header: { ...header },
            payload: claims,
            // The forgery is in the header's alg; the claims are whatever the attacker wants.
            changed: { header: ["alg"], payload: [] },
          },
        },
      ],
      curlHeaders: { authorization: `Bearer ${token}` },
    });
  const probes = [
    await probe('"alg": "none", no signature', none, noneHeader, noneClaims),
    await probe("HS256 signed with the public key", hs, hsHeader, hsClaims),
  ];
  const refused = probes.every((p) => p.asExpected);
  return {
    probes,
    verdict: attackVerdict(refused, {
      refused: `Both forgeries were refused before any key was used (${codesOf(probes)}): the verifier takes its algorithm from its own allowlist (ES256), never from the token's header.`,
      worked: "A forged algorithm was accepted: the verifier trusted the token's header.",
    }),
  };
}
