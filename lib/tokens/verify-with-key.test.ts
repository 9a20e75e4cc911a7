import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { verifyWithPastedKey } from "./verify-with-key";

// jwt.io's "verify signature" with a key the person pastes: JWK, JWKS or PEM; the private half
// is refused unread; every failure says why.

async function signed(alg: "ES256" | "RS256", claims: { exp?: number } = {}) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const token = await new SignJWT({ sub: "someone", ...claims })
    .setProtectedHeader({ alg, kid: "k1" })
    .sign(privateKey);
  const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg };
  return {
    token,
    jwk,
    pem: await exportSPKI(publicKey),
    privatePem: await exportPKCS8(privateKey),
  };
}

describe("verifyWithPastedKey", () => {
  it("verifies with a pasted JWK, JWKS or PEM public key", async () => {
    const { token, jwk, pem } = await signed("ES256");
    for (const key of [JSON.stringify(jwk), JSON.stringify({ keys: [jwk] }), pem])
      await expect(verifyWithPastedKey(token, key)).resolves.toMatchObject({
        valid: true,
        reason: "valid",
      });
  });

  it("says whose signature it isn't, and when it has expired", async () => {
    const mine = await signed("RS256");
    const theirs = await signed("RS256");
    await expect(verifyWithPastedKey(mine.token, theirs.pem)).resolves.toMatchObject({
      valid: false,
      reason: "bad_signature",
    });
    const old = await signed("ES256", { exp: Math.floor(Date.now() / 1000) - 60 });
    await expect(verifyWithPastedKey(old.token, old.pem)).resolves.toMatchObject({
      reason: "expired",
    });
    const other = { ...theirs.jwk, kid: "not-k1" };
    await expect(
      verifyWithPastedKey(mine.token, JSON.stringify({ keys: [other] })),
    ).resolves.toMatchObject({ reason: "unknown_key" });
  });

  it("refuses a private key unread, alg none and HMAC, and unreadable keys, in words", async () => {
    const { token, privatePem, jwk } = await signed("ES256");
    await expect(verifyWithPastedKey(token, privatePem)).resolves.toMatchObject({
      reason: "private_key",
    });
    await expect(
      verifyWithPastedKey(token, JSON.stringify({ ...jwk, d: "secret" })),
    ).resolves.toMatchObject({ reason: "private_key" });
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x"}').toString("base64url")}.`;
    await expect(verifyWithPastedKey(none, JSON.stringify(jwk))).resolves.toMatchObject({
      valid: false,
    });
    const hs = `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from('{"sub":"x"}').toString("base64url")}.c2ln`;
    await expect(
      verifyWithPastedKey(hs, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
    ).resolves.toMatchObject({
      reason: "algorithm_not_allowed",
    });
    for (const junk of ["not a key", "{}", '{"keys": []}'])
      await expect(verifyWithPastedKey(token, junk)).resolves.toMatchObject({
        reason: "key_unreadable",
      });
    await expect(verifyWithPastedKey("not.a.jwt", JSON.stringify(jwk))).resolves.toMatchObject({
      reason: "malformed",
    });
  });
});
