import "server-only";
import { cookieNames } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import { type Probe, selfRequest } from "./self-request";

// Tamper: change one claim of this browser's JWT (keeping its signature) and one character of
// its iron-session seal, then present them. Both are refused: the signature and the seal's MAC no
// longer match, so neither can be edited without the server's keys.

export async function tamperExperiment(cookies: Map<string, string>): Promise<Probe[]> {
  const names = cookieNames(isHttps());
  const probes: Probe[] = [];
  const access = cookies.get(names.jwtAccess);
  if (access) {
    const [header, payload, signature] = access.split(".");
    let claims: Record<string, unknown> = {};
    try {
      const decoded: unknown = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
      if (decoded && typeof decoded === "object") claims = decoded as Record<string, unknown>;
    } catch {
      // Not a JWT at all (someone edited the cookie): tamper with it as it is.
    }
    const forged = Buffer.from(JSON.stringify({ ...claims, ver: 9999 })).toString("base64url");
    probes.push(
      await selfRequest(
        "JWT with one claim changed (ver → 9999)",
        "GET",
        "/api/jwt/me",
        { authorization: `Bearer ${header}.${forged}.${signature}` },
        401,
      ),
    );
  }
  const seal = cookies.get(names.session);
  if (seal) {
    const i = Math.floor(seal.length / 2);
    const flipped = `${seal.slice(0, i)}${seal[i] === "A" ? "B" : "A"}${seal.slice(i + 1)}`;
    probes.push(
      await selfRequest(
        "iron-session seal with one character changed",
        "GET",
        "/api/session/me",
        { cookie: `${names.session}=${flipped}` },
        401,
      ),
    );
  }
  return probes;
}
