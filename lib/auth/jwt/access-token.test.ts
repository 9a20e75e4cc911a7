import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign as nodeSign,
} from "node:crypto";
import { type CryptoKey, generateKeyPair, exportJWK, importJWK, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { issueAccessToken, verifyAccessToken } from "./access-token";
import type { RejectReason } from "./claims";
import { jwtSettings, MAX_TOKEN_LENGTH } from "./config";

const CLOCK_TOLERANCE_SECONDS = jwtSettings().clockToleranceSeconds;
import { publicJwks } from "./keys";
import { issueTokenPair } from "./lifecycle";
import { provenNow } from "../proof";

// The verifier against RFC 8725's list of attacks. Most tokens below are signed with the real
// private key (so the only thing wrong with them is the one thing each case changes); a baseline
// test proves the hand-built tokens verify when nothing is wrong.

type Json = Record<string, unknown>;
type TokenFactory = () => string | Promise<string>;

const context = { ip: "192.0.2.20", userAgent: "vitest" };

/** The env key: its kid, private key (node and WebCrypto) and public key. */
function ourKey() {
  const { d, x, y, kty, crv, kid } = getEnv().JWT_PRIVATE_KEYS[0]!;
  const privateKey = createPrivateKey({ key: { kty, crv, x, y, d }, format: "jwk" });
  return { kid, privateKey, publicKey: createPublicKey(privateKey), jwk: { kty, crv, x, y, d } };
}

async function ourCryptoKey(): Promise<CryptoKey> {
  return (await importJWK({ ...ourKey().jwk }, "ES256")) as CryptoKey;
}

const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const b64text = (text: string) => Buffer.from(text).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

function header(overrides: Json = {}): Json {
  return { alg: "ES256", typ: "at+jwt", kid: ourKey().kid, ...overrides };
}

function claims(overrides: Json = {}): Json {
  const { issuer, audience } = jwtSettings();
  const iat = now();
  return {
    iss: issuer,
    aud: audience,
    sub: "user-under-test",
    fam: "family-under-test",
    ver: 0,
    auth_time: iat - 60,
    jti: randomUUID(),
    iat,
    exp: iat + 300,
    ...overrides,
  };
}

/** An ES256 JWS over exactly these segments (raw JOSE signature, r || s). */
function signSegments(headerB64: string, payloadB64: string, key: KeyObject = ourKey().privateKey) {
  const input = `${headerB64}.${payloadB64}`;
  const signature = nodeSign("sha256", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

/** ES256-signed token with the given header and claims (undefined members are left out). */
function signed(head: Json = header(), payload: unknown = claims(), key?: KeyObject): string {
  return signSegments(b64json(head), b64json(payload), key);
}

/** An unsigned token: base64url header + payload + empty signature. */
function unsigned(head: Json, payload: Json = claims()): string {
  return `${b64json(head)}.${b64json(payload)}.`;
}

function hs256(head: Json, payload: Json, secret: string | Uint8Array): string {
  const input = `${b64json(head)}.${b64json(payload)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

function segments(token: string): [string, string, string] {
  const [h, p, s] = token.split(".");
  return [h ?? "", p ?? "", s ?? ""];
}

/** The proof the family under test came from: a sign-in ten minutes ago, to the millisecond. */
const PROVED_AT = new Date(Date.now() - 10 * 60_000 + 123);

async function issued() {
  return issueAccessToken({
    userId: "user-under-test",
    familyId: "fam-under-test",
    epoch: 3,
    authTime: PROVED_AT,
  });
}

/** A real token whose payload was edited after signing (signature kept). */
async function tampered(edit: (payload: Json) => Json): Promise<string> {
  const [h, p, s] = segments((await issued()).token);
  const payload = JSON.parse(Buffer.from(p, "base64url").toString()) as Json;
  return `${h}.${b64json(edit(payload))}.${s}`;
}

function decodePayload(token: string): Json {
  return JSON.parse(Buffer.from(segments(token)[1], "base64url").toString()) as Json;
}

async function joseSigned(
  payload: Json,
  protectedHeader: Json = header(),
  key: CryptoKey | Uint8Array | Promise<CryptoKey> = ourCryptoKey(),
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader(protectedHeader as { alg: string })
    .sign(await key);
}

const expectRejected = async (make: TokenFactory, reason: RejectReason) => {
  const token = await make();
  await expect(verifyAccessToken(token)).resolves.toEqual({ ok: false, reason });
};

describe("issueAccessToken + verifyAccessToken", () => {
  it("issues a token that verifies with exactly the expected claims and header", async () => {
    const { token, claims: issuedClaims } = await issued();
    const result = await verifyAccessToken(token);
    expect(result).toEqual({
      ok: true,
      claims: issuedClaims,
      header: { alg: "ES256", typ: "at+jwt", kid: ourKey().kid },
    });
    expect(issuedClaims).toMatchObject({
      sub: "user-under-test",
      fam: "fam-under-test",
      ver: 3,
      // RFC 9068's auth_time: whole seconds, the proof's, not the token's.
      auth_time: Math.floor(PROVED_AT.getTime() / 1000),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(issuedClaims.auth_time).toBeLessThan(issuedClaims.iat);
    expect(issuedClaims.exp - issuedClaims.iat).toBe(jwtSettings().accessTtlSeconds);
    expect(Math.abs(issuedClaims.iat - now())).toBeLessThanOrEqual(2);
  });

  it("gives every token its own jti", async () => {
    const [a, b] = [await issued(), await issued()];
    expect(a.claims.jti).not.toBe(b.claims.jti);
  });

  it("puts ids only in the payload: no email, name or other personal data", async () => {
    const email = `${randomUUID()}@access-token.test`;
    const user = await getDb().user.create({
      data: { email, name: "Ada Private-Name" },
      select: { id: true, epoch: true },
    });
    const { accessToken } = await issueTokenPair(
      user.id,
      provenNow(user.epoch, "password"),
      context,
    );
    const payload = decodePayload(accessToken);
    expect(Object.keys(payload).sort()).toEqual(
      ["aud", "auth_time", "exp", "fam", "iat", "iss", "jti", "sub", "ver"].sort(),
    );
    expect(payload.sub).toBe(user.id);
    const text = Buffer.from(segments(accessToken)[1], "base64url").toString();
    expect(text).not.toContain(email);
    expect(text).not.toContain(email.split("@")[0]);
    expect(text).not.toContain("Ada");
    expect(text).not.toMatch(/email|name|password/i);
    const headerText = Buffer.from(segments(accessToken)[0], "base64url").toString();
    expect(JSON.parse(headerText)).toEqual({ alg: "ES256", typ: "at+jwt", kid: ourKey().kid });
  });

  it("accepts the hand-built baseline tokens these tests mutate (node:crypto and jose)", async () => {
    await expect(verifyAccessToken(signed())).resolves.toMatchObject({ ok: true });
    await expect(verifyAccessToken(await joseSigned(claims()))).resolves.toMatchObject({
      ok: true,
    });
  });

  it("accepts a token that expired within the clock tolerance", async () => {
    expect(CLOCK_TOLERANCE_SECONDS).toBe(5);
    const token = await joseSigned(claims({ iat: now() - 600, exp: now() - 2 }));
    await expect(verifyAccessToken(token)).resolves.toMatchObject({ ok: true });
  });

  it("accepts a token whose nbf is within the clock tolerance", async () => {
    const token = await joseSigned(claims({ nbf: now() + 2 }));
    await expect(verifyAccessToken(token)).resolves.toMatchObject({ ok: true });
  });
});

describe("verifyAccessToken rejects", () => {
  describe('alg "none" (unsigned)', () => {
    it.each(["none", "None", "NONE", "nOnE"])('alg: "%s" with an empty signature', (alg) =>
      expectRejected(() => unsigned(header({ alg })), "algorithm_not_allowed"),
    );

    it('alg: "none" without a kid', () =>
      expectRejected(() => unsigned({ alg: "none", typ: "at+jwt" }), "algorithm_not_allowed"));

    it('alg: "none" carrying a real ES256 signature', async () => {
      const [, p, s] = segments((await issued()).token);
      await expectRejected(
        () => `${b64json(header({ alg: "none" }))}.${p}.${s}`,
        "algorithm_not_allowed",
      );
    });

    it("a header with no alg at all", () =>
      expectRejected(() => signed(header({ alg: undefined })), "malformed"));
  });

  describe("key confusion and foreign algorithms", () => {
    it("HS256 with the public JWK (as published in the JWKS) as the HMAC secret, via jose", async () => {
      const published = (await publicJwks()).keys[0];
      const secret = new TextEncoder().encode(JSON.stringify(published));
      await expectRejected(
        () => joseSigned(claims(), header({ alg: "HS256" }), secret),
        "algorithm_not_allowed",
      );
    });

    it("HS256 with the bare public JWK JSON as the HMAC secret, via node:crypto", async () => {
      const { kty, crv, x, y } = ourKey().jwk;
      await expectRejected(
        () => hs256(header({ alg: "HS256" }), claims(), JSON.stringify({ kty, crv, x, y })),
        "algorithm_not_allowed",
      );
    });

    it("HS256 with the public key's PEM as the HMAC secret", async () => {
      const pem = ourKey().publicKey.export({ type: "spki", format: "pem" }).toString();
      expect(pem).toContain("BEGIN PUBLIC KEY");
      await expectRejected(
        () => hs256(header({ alg: "HS256" }), claims(), pem),
        "algorithm_not_allowed",
      );
      await expectRejected(
        () => joseSigned(claims(), header({ alg: "HS256" }), new TextEncoder().encode(pem)),
        "algorithm_not_allowed",
      );
    });

    it("HS256 with the public key's DER bytes as the HMAC secret", async () => {
      const der = ourKey().publicKey.export({ type: "spki", format: "der" });
      await expectRejected(
        () => hs256(header({ alg: "HS256" }), claims(), new Uint8Array(der)),
        "algorithm_not_allowed",
      );
    });

    it("ES384 signed by a P-384 key", async () => {
      const { privateKey } = await generateKeyPair("ES384");
      await expectRejected(
        () => joseSigned(claims(), header({ alg: "ES384" }), privateKey),
        "algorithm_not_allowed",
      );
    });

    it("RS256 signed by an RSA key", async () => {
      const { privateKey } = await generateKeyPair("RS256");
      await expectRejected(
        () => joseSigned(claims(), header({ alg: "RS256" }), privateKey),
        "algorithm_not_allowed",
      );
    });

    it('lower-case "es256"', () =>
      expectRejected(() => signed(header({ alg: "es256" })), "algorithm_not_allowed"));
  });

  describe("signature", () => {
    it("a token signed by a different ES256 key under our kid", async () => {
      const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      await expectRejected(() => signed(header(), claims(), privateKey), "bad_signature");
    });

    it("the same, built with jose", async () => {
      const { privateKey } = await generateKeyPair("ES256");
      await expectRejected(() => joseSigned(claims(), header(), privateKey), "bad_signature");
    });

    it.each<[string, (payload: Json) => Json]>([
      ["sub changed", (payload) => ({ ...payload, sub: "someone-else" })],
      ["ver changed", (payload) => ({ ...payload, ver: 4 })],
      ["auth_time made recent", (payload) => ({ ...payload, auth_time: now() })],
      ["fam changed", (payload) => ({ ...payload, fam: "another-family" })],
      ["exp extended", (payload) => ({ ...payload, exp: (payload.exp as number) + 86_400 })],
    ])("a tampered payload (%s), signature kept", (_name, edit) =>
      expectRejected(() => tampered(edit), "bad_signature"),
    );

    it("a tampered header (kid unchanged, typ re-encoded with a space), signature kept", async () => {
      const [, p, s] = segments((await issued()).token);
      const h = b64text(`{"alg":"ES256", "kid":"${ourKey().kid}","typ":"at+jwt"}`);
      await expectRejected(() => `${h}.${p}.${s}`, "bad_signature");
    });

    it.each([0, 10, 31, 32, 63])("a flipped bit in signature byte %i", async (index) => {
      const [h, p, s] = segments((await issued()).token);
      const bytes = Buffer.from(s, "base64url");
      expect(bytes).toHaveLength(64);
      bytes[index] = bytes[index]! ^ 0x01;
      await expectRejected(() => `${h}.${p}.${bytes.toString("base64url")}`, "bad_signature");
    });

    it("an empty signature with alg ES256", async () => {
      const [h, p] = segments((await issued()).token);
      await expectRejected(() => `${h}.${p}.`, "bad_signature");
    });

    it("a truncated signature", async () => {
      const [h, p, s] = segments((await issued()).token);
      await expectRejected(() => `${h}.${p}.${s.slice(0, 40)}`, "bad_signature");
    });

    it("a valid signature in DER instead of JOSE (r || s) encoding", async () => {
      const h = b64json(header());
      const p = b64json(claims());
      const der = nodeSign("sha256", Buffer.from(`${h}.${p}`), ourKey().privateKey);
      await expectRejected(() => `${h}.${p}.${der.toString("base64url")}`, "bad_signature");
    });

    it("a signature lifted from another valid token", async () => {
      const [h, p] = segments((await issued()).token);
      const [, , otherSignature] = segments((await issued()).token);
      await expectRejected(() => `${h}.${p}.${otherSignature}`, "bad_signature");
    });
  });

  describe("time claims", () => {
    it.each<[string, () => Json, RejectReason]>([
      ["expired a minute ago", () => claims({ iat: now() - 960, exp: now() - 60 }), "expired"],
      [
        "expired just beyond the tolerance",
        () => claims({ iat: now() - 600, exp: now() - CLOCK_TOLERANCE_SECONDS - 5 }),
        "expired",
      ],
      ["expired long ago", () => claims({ iat: 1_000_000, exp: 1_000_900 }), "expired"],
      ["nbf a minute ahead", () => claims({ nbf: now() + 60 }), "not_yet_valid"],
      ["nbf a day ahead", () => claims({ nbf: now() + 86_400 }), "not_yet_valid"],
    ])("%s", (_name, payload, reason) => expectRejected(() => joseSigned(payload()), reason));
  });

  describe("issuer, audience, type and required claims", () => {
    it.each<[string, () => Json, RejectReason]>([
      ["wrong iss", () => claims({ iss: "https://attacker.example" }), "wrong_issuer"],
      [
        "iss with a trailing slash",
        () => claims({ iss: `${jwtSettings().issuer}/` }),
        "wrong_issuer",
      ],
      ["missing iss", () => claims({ iss: undefined }), "missing_claim"],
      ["wrong aud", () => claims({ aud: "https://attacker.example/api" }), "wrong_audience"],
      [
        "aud = the issuer (an ID-token-like audience)",
        () => claims({ aud: jwtSettings().issuer }),
        "wrong_audience",
      ],
      [
        "aud = a list without ours",
        () => claims({ aud: ["https://a.example", "https://b.example"] }),
        "wrong_audience",
      ],
      ["missing aud", () => claims({ aud: undefined }), "missing_claim"],
      ["missing exp", () => claims({ exp: undefined }), "missing_claim"],
      ["missing sub", () => claims({ sub: undefined }), "missing_claim"],
      ["missing jti", () => claims({ jti: undefined }), "missing_claim"],
      ["missing iat", () => claims({ iat: undefined }), "missing_claim"],
      ["exp as a string", () => claims({ exp: String(now() + 300) }), "invalid_claims"],
      ["missing fam", () => claims({ fam: undefined }), "invalid_claims"],
      ["ver negative", () => claims({ ver: -1 }), "invalid_claims"],
      ["ver fractional", () => claims({ ver: 1.5 }), "invalid_claims"],
      ["ver as a string", () => claims({ ver: "0" }), "invalid_claims"],
      ["missing ver", () => claims({ ver: undefined }), "invalid_claims"],
      ["auth_time negative", () => claims({ auth_time: -1 }), "invalid_claims"],
      ["auth_time fractional", () => claims({ auth_time: now() - 0.5 }), "invalid_claims"],
      ["auth_time as a string", () => claims({ auth_time: String(now()) }), "invalid_claims"],
      ["missing auth_time", () => claims({ auth_time: undefined }), "invalid_claims"],
      ["sub as a number", () => claims({ sub: 42 }), "invalid_claims"],
      ["sub longer than 64 characters", () => claims({ sub: "s".repeat(65) }), "invalid_claims"],
      ["empty sub", () => claims({ sub: "" }), "invalid_claims"],
    ])("%s", (_name, payload, reason) => expectRejected(() => joseSigned(payload()), reason));

    it.each<[string, Json]>([
      ['typ "JWT"', header({ typ: "JWT" })],
      ["missing typ", header({ typ: undefined })],
      ['typ "at+jwt+evil"', header({ typ: "at+jwt+evil" })],
      ['typ "application/jwt"', header({ typ: "application/jwt" })],
      ["typ as a number", header({ typ: 1 })],
    ])("%s", (_name, head) => expectRejected(() => joseSigned(claims(), head), "wrong_type"));

    it("the same wrong typ when signed by hand", () =>
      expectRejected(() => signed(header({ typ: "JWT" })), "wrong_type"));
  });

  describe("headers that point at keys elsewhere (no outbound request)", () => {
    let fetchSpy: MockInstance<typeof fetch>;

    beforeEach(() => {
      fetchSpy = vi
        .spyOn(globalThis, "fetch")
        .mockRejectedValue(new Error("no network in unit tests"));
    });
    afterEach(() => {
      fetchSpy.mockRestore();
    });

    async function attackerKey() {
      const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
      return { privateKey, jwk: await exportJWK(publicKey) };
    }

    it.each<[string, () => Promise<string>]>([
      [
        "jku pointing at an attacker JWKS",
        async () => {
          const { privateKey } = await attackerKey();
          return joseSigned(
            claims(),
            header({ jku: "https://attacker.example/.well-known/jwks.json", kid: "attacker" }),
            privateKey,
          );
        },
      ],
      [
        "jku on an otherwise valid token signed with our key",
        () => joseSigned(claims(), header({ jku: "https://attacker.example/jwks.json" })),
      ],
      [
        "jwk: the embedded attacker key that actually signed it",
        async () => {
          const { privateKey, jwk } = await attackerKey();
          return joseSigned(claims(), { alg: "ES256", typ: "at+jwt", jwk }, privateKey);
        },
      ],
      [
        "jwk embedded next to our kid",
        async () => {
          const { privateKey, jwk } = await attackerKey();
          return joseSigned(claims(), header({ jwk }), privateKey);
        },
      ],
      [
        "x5u pointing at an attacker certificate",
        async () => {
          const { privateKey } = await attackerKey();
          return joseSigned(
            claims(),
            header({ x5u: "https://attacker.example/cert.pem", kid: undefined }),
            privateKey,
          );
        },
      ],
      [
        "x5c with an attacker certificate chain",
        async () => {
          const { privateKey } = await attackerKey();
          return joseSigned(
            claims(),
            header({ x5c: [Buffer.from("not really a certificate").toString("base64")] }),
            privateKey,
          );
        },
      ],
      ["x5c as an empty list", async () => signed(header({ x5c: [] }))],
      ["jku set to null", async () => signed(header({ jku: null }))],
    ])("%s → forbidden_header", async (_name, make) => {
      await expectRejected(make, "forbidden_header");
      expect(fetchSpy).not.toHaveBeenCalled();
    });
  });

  describe("odd kid values", () => {
    it.each<[string, unknown, RejectReason]>([
      ["missing kid", undefined, "unknown_key"],
      ["a path", "../../etc/passwd", "unknown_key"],
      ["SQL", "' OR 1=1 --", "unknown_key"],
      ["__proto__", "__proto__", "unknown_key"],
      ["constructor", "constructor", "unknown_key"],
      ["empty string", "", "unknown_key"],
      ["a 1,000-character kid", "k".repeat(1000), "unknown_key"],
      ["kid as a number", 1, "unknown_key"],
      ["kid as null", null, "unknown_key"],
      ["kid as an object", { toString: "x" }, "unknown_key"],
      ["a 10,000-character kid (longer than any token we accept)", "k".repeat(10_000), "too_large"],
    ])("%s", (_name, kid, reason) => expectRejected(() => signed(header({ kid })), reason));

    it("our kid wrapped in an array, upper-cased, or padded", async () => {
      const { kid } = ourKey();
      await expectRejected(() => signed(header({ kid: [kid] })), "unknown_key");
      await expectRejected(() => signed(header({ kid: kid.toUpperCase() })), "unknown_key");
      await expectRejected(() => signed(header({ kid: ` ${kid}` })), "unknown_key");
      await expectRejected(() => signed(header({ kid: `${kid}\u0000` })), "unknown_key");
    });
  });

  describe("malformed input", () => {
    it.each<[string, TokenFactory]>([
      ["empty string", () => ""],
      ["abc", () => "abc"],
      ["a.b", () => "a.b"],
      ["a.b.c (not JSON)", () => "a.b.c"],
      ["a.b.c.d", () => "a.b.c.d"],
      ["..", () => ".."],
      ["JWE-shaped (five segments)", () => "a.b.c.d.e"],
      ["non-base64url characters", () => "ey!J.ey$J.a*b"],
      ["standard base64 + and /", () => signed().replace(/^(.)/, "+")],
      ["base64 padding", () => `${signed()}=`],
      ["leading whitespace", () => ` ${signed()}`],
      ["trailing newline", () => `${signed()}\n`],
      ["Bearer prefix left in", () => `Bearer ${signed()}`],
      ["non-ASCII letters", () => `é${signed()}`],
      ["header that is not JSON", () => signSegments(b64text("not json"), b64json(claims()))],
      ["header that is a JSON array", () => signSegments(b64json(["ES256"]), b64json(claims()))],
      ["header that is a JSON string", () => signSegments(b64json("ES256"), b64json(claims()))],
      ["header that is JSON null", () => signSegments(b64json(null), b64json(claims()))],
      ["header that is a JSON number", () => signSegments(b64json(42), b64json(claims()))],
      ["payload that is a JSON array (signed)", () => signed(header(), [claims()])],
      ["payload that is a JSON string (signed)", () => signed(header(), "claims")],
      ["payload that is JSON null (signed)", () => signed(header(), null)],
      [
        "payload that is not JSON (signed)",
        () => signSegments(b64json(header()), b64text("{sub:")),
      ],
      [
        "crit naming an extension we do not understand (signed)",
        () =>
          signed(
            header({ crit: ["urn:example:must-understand"], "urn:example:must-understand": 1 }),
          ),
      ],
    ])("%s", (_name, make) => expectRejected(make, "malformed"));

    it.each<[string, () => string]>([
      ["a 100 KB token", () => "a".repeat(100 * 1024)],
      ["a 100 KB token with three segments", () => `${"a".repeat(50_000)}.${"b".repeat(50_000)}.c`],
      [
        "a correctly signed token padded past the limit",
        () => signed(header(), claims({ pad: "p".repeat(MAX_TOKEN_LENGTH) })),
      ],
    ])("%s → too_large", (_name, make) => expectRejected(make, "too_large"));

    it("the limit is exactly one past MAX_TOKEN_LENGTH", async () => {
      await expect(verifyAccessToken("a".repeat(MAX_TOKEN_LENGTH))).resolves.toEqual({
        ok: false,
        reason: "malformed",
      });
      await expect(verifyAccessToken("a".repeat(MAX_TOKEN_LENGTH + 1))).resolves.toEqual({
        ok: false,
        reason: "too_large",
      });
    });
  });
});

describe("token age", () => {
  it("refuses an iat in the future, even when signed by our own key", async () => {
    await expect(
      verifyAccessToken(signed(header(), claims({ iat: now() + 3600, exp: now() + 7200 }))),
    ).resolves.toEqual({
      ok: false,
      reason: "invalid_claims",
    });
  });

  it("refuses a token that claims a longer life than we issue", async () => {
    const { accessTtlSeconds } = jwtSettings();
    const iat = now() - accessTtlSeconds - CLOCK_TOLERANCE_SECONDS - 60;
    await expect(
      verifyAccessToken(signed(header(), claims({ iat, exp: now() + 600 }))),
    ).resolves.toEqual({
      ok: false,
      reason: "expired",
    });
  });
});

describe("a token verified before (the per-process memo)", () => {
  afterEach(() => vi.useRealTimers());

  it("is still refused once it expires, and for the audience it was not verified for", async () => {
    const token = signed(header(), claims({ exp: now() + 60 }));
    await expect(verifyAccessToken(token)).resolves.toMatchObject({ ok: true });
    await expect(verifyAccessToken(token)).resolves.toMatchObject({ ok: true });
    await expect(verifyAccessToken(token, jwtSettings().demoAudience)).resolves.toEqual({
      ok: false,
      reason: "wrong_audience",
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (60 + CLOCK_TOLERANCE_SECONDS + 1) * 1000);
    await expect(verifyAccessToken(token)).resolves.toEqual({ ok: false, reason: "expired" });
  });

  it("is refused once it is older than any token we issue", async () => {
    const { accessTtlSeconds } = jwtSettings();
    const token = signed(header(), claims({ exp: now() + 10 * accessTtlSeconds }));
    await expect(verifyAccessToken(token)).resolves.toMatchObject({ ok: true });
    vi.useFakeTimers({ toFake: ["Date"] });
    // As jose counts it: older than maxTokenAge (the TTL plus the tolerance), plus the tolerance.
    vi.setSystemTime(Date.now() + (accessTtlSeconds + 2 * CLOCK_TOLERANCE_SECONDS + 1) * 1000);
    await expect(verifyAccessToken(token)).resolves.toEqual({ ok: false, reason: "expired" });
  });
});
