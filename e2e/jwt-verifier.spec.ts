import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { type APIRequestContext } from "@playwright/test";
import { expect, NEW_SIGN_IN_CLAIMS, type Person, test } from "./fixtures";

// An independent verifier: nothing from the app and no JOSE library, only the published JWKS
// (fetched over HTTP like any other service would) and node:crypto. If this accepts the app's
// tokens, so can any standards-following service.

const ISSUER = "http://localhost:3100";
const AUDIENCE = `${ISSUER}/api`;

type Jwk = JsonWebKey & { kid?: string; alg?: string; use?: string };
type Segments = { header: string; payload: string; signature: string };

function segments(token: string): Segments {
  const parts = token.split(".");
  expect(parts).toHaveLength(3);
  const [header = "", payload = "", signature = ""] = parts;
  return { header, payload, signature };
}

const decode = (segment: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;

async function fetchJwks(request: APIRequestContext): Promise<Jwk[]> {
  const response = await request.get("/.well-known/jwks.json");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { keys: Jwk[] }).keys;
}

async function issueAccessToken(request: APIRequestContext, person: Person): Promise<string> {
  const response = await request.post("/api/jwt/token", {
    data: { email: person.email, password: person.password },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** ES256 by hand: the JWS signing input, the JWK named by kid, a raw (r‖s) P-256 signature. */
function verifyEs256(token: string, keys: readonly Jwk[]): boolean {
  const { header, payload, signature } = segments(token);
  const kid = decode(header).kid;
  const jwk = keys.find((key) => key.kid === kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: jwk, format: "jwk" });
  return verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
}

test.describe("verifying access tokens with the public JWKS only", () => {
  test("the JWKS publishes public P-256 keys only, and may be cached", async ({ request }) => {
    const response = await request.get("/.well-known/jwks.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const cacheControl = response.headers()["cache-control"] ?? "";
    expect(cacheControl).toContain("public");
    expect(cacheControl).toMatch(/(^|[ ,])max-age=[1-9]\d*/);

    const { keys } = (await response.json()) as { keys: Jwk[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({
        kty: "EC",
        crv: "P-256",
        x: expect.stringMatching(/^[\w-]{43}$/),
        y: expect.stringMatching(/^[\w-]{43}$/),
        kid: expect.stringMatching(/^[\w-]+$/),
        alg: "ES256",
        use: "sig",
      });
      // No private member of any kind.
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
      expect(key).not.toHaveProperty("d");
      expect(createPublicKey({ key, format: "jwk" }).type).toBe("public");
    }
    expect(new Set(keys.map((key) => key.kid)).size).toBe(keys.length);

    // The same document at the app's own API path.
    const direct = await request.get("/api/jwt/jwks");
    expect(await direct.json()).toEqual({ keys });
  });

  test("node:crypto verifies an issued token with the key its kid names; one changed byte breaks it", async ({
    request,
    person,
  }) => {
    const keys = await fetchJwks(request);
    const token = await issueAccessToken(request, person);
    const { header, payload, signature } = segments(token);

    const protectedHeader = decode(header);
    expect(protectedHeader).toEqual({ alg: "ES256", kid: expect.any(String), typ: "at+jwt" });
    expect(keys.map((key) => key.kid)).toContain(protectedHeader.kid);
    expect(Buffer.from(signature, "base64url")).toHaveLength(64); // r‖s, 32 bytes each

    expect(verifyEs256(token, keys)).toBe(true);

    const claims = decode(payload);
    const now = Math.floor(Date.now() / 1000);
    expect(claims).toEqual({ iss: ISSUER, aud: AUDIENCE, ...NEW_SIGN_IN_CLAIMS });
    expect(claims.exp as number).toBeGreaterThan(now);
    expect(claims.iat as number).toBeLessThanOrEqual(now + 1);
    expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60);
    // Ids only: nothing about the person is readable in the token.
    expect(Buffer.from(payload, "base64url").toString()).not.toMatch(/@|tester|Tester/);

    // One byte of the payload changed: same length, same shape, signature no longer matches.
    const bytes = Buffer.from(payload, "base64url");
    const at = bytes.indexOf('"sub":"') + '"sub":"'.length;
    expect(at).toBeGreaterThan(6);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const tampered = `${header}.${bytes.toString("base64url")}.${signature}`;
    expect(tampered).not.toBe(token);
    expect(verifyEs256(tampered, keys)).toBe(false);
    // The app agrees with this verifier about both.
    const app = async (value: string) =>
      (
        await request.get("/api/jwt/me", { headers: { authorization: `Bearer ${value}` } })
      ).status();
    expect(await app(token)).toBe(200);
    expect(await app(tampered)).toBe(401);

    // A signature made for another token doesn't fit this one either.
    const other = segments(await issueAccessToken(request, person));
    expect(verifyEs256(`${header}.${payload}.${other.signature}`, keys)).toBe(false);
    expect(verifyEs256(`${other.header}.${other.payload}.${other.signature}`, keys)).toBe(true);
  });
});
