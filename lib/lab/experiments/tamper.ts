import "server-only";
import { cookieNames } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import { changedClaims } from "@/lib/tokens/anatomy";
import { attackVerdict, codesOf, type Verdict } from "./result";
import { type Probe, redactCredential, selfRequest } from "@/lib/lab/client/probe";

// Tamper: change one claim of this browser's JWT (keeping its signature) and one character of
// its iron-session seal, then present them. Both are refused: the signature and the seal's MAC no
// longer match, so neither can be edited without the server's keys.

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function tamperExperiment(
  cookies: Map<string, string>,
): Promise<{ probes: Probe[]; verdict: Verdict }> {
  const names = cookieNames(isHttps());
  const probes: Probe[] = [];
  const access = cookies.get(names.jwtAccess);
  if (access) {
    const [header = "", payload = "", signature = ""] = access.split(".");
    let claims: Record<string, unknown> = {};
    try {
      const decoded: unknown = JSON.parse(Buffer.from(payload, "base64url").toString());
      if (decoded && typeof decoded === "object") claims = decoded as Record<string, unknown>;
    } catch {
      // Not a JWT at all (someone edited the cookie): tamper with it as it is.
    }
    const forgedClaims = { ...claims, ver: 9999 };
    const forged = b64(forgedClaims);
    let decodedHeader: Record<string, unknown> = {};
    try {
      const value: unknown = JSON.parse(Buffer.from(header, "base64url").toString());
      if (value && typeof value === "object") decodedHeader = value as Record<string, unknown>;
    } catch {
      // As above: shown as it is.
    }
    probes.push(
      await selfRequest({
        label: "JWT with one claim changed (ver → 9999), its signature kept",
        method: "GET",
        path: "/api/jwt/me",
        headers: { authorization: `Bearer ${header}.${forged}.${signature}` },
        expected: 401,
        // The signature is a real one: shown cut short, like every real credential here.
        sent: [
          {
            name: "Authorization",
            value: `Bearer ${header.slice(0, 10)}….${forged}.${redactCredential(signature)}`,
            changed: forged,
            // Header and payload are readable by anyone holding the token: shown decoded.
            decoded: {
              header: decodedHeader,
              payload: forgedClaims,
              changed: { header: [], payload: changedClaims(claims, forgedClaims) },
            },
          },
        ],
        curlHeaders: {
          authorization: `Bearer $(echo $ACCESS_TOKEN | cut -d. -f1).${forged}.$(echo $ACCESS_TOKEN | cut -d. -f3)`,
        },
      }),
    );
  }
  const seal = cookies.get(names.session);
  if (seal) {
    const i = Math.floor(seal.length / 2);
    const replacement = seal[i] === "A" ? "B" : "A";
    const flipped = `${seal.slice(0, i)}${replacement}${seal.slice(i + 1)}`;
    probes.push(
      await selfRequest({
        label: "iron-session seal with one character changed",
        method: "GET",
        path: "/api/session/me",
        headers: { cookie: `${names.session}=${flipped}` },
        expected: 401,
        sent: [
          {
            name: "Cookie",
            value: `${names.session}=…${flipped.slice(i - 6, i)}${replacement}${flipped.slice(i + 1, i + 7)}…`,
            changed: replacement,
          },
        ],
        curlHeaders: { cookie: `${names.session}=$SEAL_WITH_ONE_CHARACTER_CHANGED` },
      }),
    );
  }
  const refused = probes.every((probe) => probe.asExpected);
  return {
    probes,
    verdict: attackVerdict(refused, {
      refused: `Every edited credential was refused (${codesOf(probes)}): the signature and the seal's MAC cover every byte, so changing one needs the server's key. Readable is not writable.`,
      worked: "An edited credential was accepted: the server did not check what it signed.",
    }),
  };
}
