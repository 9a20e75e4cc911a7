import { randomUUID } from "node:crypto";
import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { issueAccessToken } from "@/lib/auth/jwt/access-token";
import { issueTokenPair } from "@/lib/auth/jwt/lifecycle";
import { provenNow } from "@/lib/auth/proof";
import { verifyPastedToken } from "./verify";

// "Paste any JWT": whatever is pasted, the verdict names the cause in words, and nothing throws.

const context = { ip: "192.0.2.70", userAgent: "vitest" };

async function issued() {
  const user = await getDb().user.create({
    data: { email: `${randomUUID()}@verify.test`, name: "Verify Test" },
    select: { id: true, epoch: true },
  });
  return issueTokenPair(user.id, provenNow(user.epoch, "password"), context);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("verifyPastedToken", () => {
  it("accepts this app's own token, naming its key", async () => {
    const { accessToken } = await issued();
    const verdict = await verifyPastedToken(` ${accessToken}\n`);
    expect(verdict).toMatchObject({ valid: true, reason: "valid" });
    expect(verdict.message).toMatch(/^Valid: signed by \S+ from this app's JWKS/);
  });

  it("says why a token fails: bad signature, algorithm, unknown kid, expired, malformed", async () => {
    const { accessToken, claims, familyId } = await issued();
    const [header, , signature] = accessToken.split(".");
    const tampered = `${header}.${b64({ ...claims, sub: "someone-else" })}.${signature}`;
    const none = `${b64({ alg: "none", typ: "at+jwt" })}.${b64(claims)}.`;
    const { privateKey } = await generateKeyPair("ES256");
    const stranger = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: "ES256", kid: "someone-elses-key", typ: "at+jwt" })
      .sign(privateKey);
    const expired = await issueAccessToken(
      { userId: claims.sub, familyId, epoch: claims.ver, authTime: new Date() },
      -600,
    );
    const cases: [string, string, RegExp][] = [
      [tampered, "bad_signature", /^Bad signature: /],
      [none, "algorithm_not_allowed", /"alg": "none".*ES256 only/],
      [stranger, "unknown_key", /^Unknown kid: /],
      [expired.token, "expired", /^Expired: the signature is good/],
      ["not a token at all", "malformed", /^Malformed: /],
      ["eyJ.eyJ.x", "malformed", /^Malformed: /],
    ];
    for (const [token, reason, words] of cases) {
      const verdict = await verifyPastedToken(token);
      expect(verdict, reason).toMatchObject({ valid: false, reason });
      expect(verdict.message, reason).toMatch(words);
    }
  });
});
