import "server-only";
import { createHmac } from "node:crypto";
import { publicJwks } from "@/lib/auth/jwt/keys";
import { getEnv } from "@/lib/env";
import { type Probe, selfRequest } from "./self-request";

// Forged algorithm: the two classic attacks on naive verifiers. "alg: none" (no signature at all)
// and HS256 signed with the server's *public* key as the HMAC secret (key confusion: a verifier
// that trusts the header's alg would use the public key it has). The app's allowlist is ES256 only.

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function forgedAlgorithmExperiment(userId: string): Promise<Probe[]> {
  const { APP_URL } = getEnv();
  const { keys } = await publicJwks();
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: APP_URL,
    aud: `${APP_URL}/api`,
    sub: userId,
    fam: "forged",
    ver: 0,
    jti: "forged",
    iat: now,
    exp: now + 600,
  };

  const none = `${b64({ alg: "none", typ: "at+jwt" })}.${b64(claims)}.`;
  const headerHs = b64({ alg: "HS256", typ: "at+jwt", kid: keys[0]?.kid });
  const payload = b64(claims);
  const secret = JSON.stringify(keys[0]); // the public key, as an attacker would have it
  const signature = createHmac("sha256", secret)
    .update(`${headerHs}.${payload}`)
    .digest("base64url");

  return [
    await selfRequest(
      '"alg": "none", no signature',
      "GET",
      "/api/jwt/me",
      { authorization: `Bearer ${none}` },
      401,
    ),
    await selfRequest(
      "HS256 signed with the public key",
      "GET",
      "/api/jwt/me",
      { authorization: `Bearer ${headerHs}.${payload}.${signature}` },
      401,
    ),
  ];
}
