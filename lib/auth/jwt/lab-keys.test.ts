import { randomUUID } from "node:crypto";
import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyAccessToken } from "./access-token";
import { publicJwks } from "./keys";
import { LAB_PUBLISH_LEAD_MS, retireAllLabKeys, retireLabKey, rotateLabKey } from "./lab-keys";
import { issueTokenPair } from "./lifecycle";
import { rotateRefreshToken } from "./refresh";
import { provenNow } from "../proof";

// The lab's key rotation on one family: a new key is published before it signs; then new tokens
// carry the new kid, old ones keep verifying
// until their key is retired, nobody else's tokens are touched, and the JWKS follows.

const context = { ip: "192.0.2.60", userAgent: "vitest" };

async function signedIn() {
  const user = await getDb().user.create({
    data: { email: `${randomUUID()}@lab-keys.test`, name: "Lab Keys Test" },
    select: { id: true, epoch: true },
  });
  return { user, ...(await issueTokenPair(user.id, provenNow(user.epoch, "password"), context)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kidOf = (token: string) => String(decodeProtectedHeader(token).kid);
const publishedKids = async () => (await publicJwks()).keys.map((key) => key.kid);

describe("lab key rotation", () => {
  it("rotates one family's signing key; old tokens verify until their key is retired", async () => {
    const mine = await signedIn();
    const someoneElse = await signedIn();
    const configured = kidOf(mine.accessToken);

    const rotated = await rotateLabKey(mine.claims.fam);
    if (!rotated.ok) throw new Error("rotation is on in tests");
    expect(await publishedKids()).toEqual(expect.arrayContaining([configured, rotated.kid]));

    // Published first: until every cached JWKS can hold it, the new key signs nothing.
    const atOnce = await rotateRefreshToken(mine.refreshToken, context);
    if (!atOnce.ok) throw new Error("the refresh token is fresh");
    expect(kidOf(atOnce.accessToken)).toBe(configured);
    await sleep(LAB_PUBLISH_LEAD_MS + 100);

    const next = await rotateRefreshToken(atOnce.refreshToken, context);
    if (!next.ok) throw new Error("the refresh token is fresh");
    expect(kidOf(next.accessToken)).toBe(rotated.kid);
    // Another person's tokens are still signed with the configured key.
    const theirs = await rotateRefreshToken(someoneElse.refreshToken, context);
    if (!theirs.ok) throw new Error("the refresh token is fresh");
    expect(kidOf(theirs.accessToken)).toBe(configured);

    await expect(verifyAccessToken(mine.accessToken)).resolves.toMatchObject({ ok: true });
    await expect(verifyAccessToken(next.accessToken)).resolves.toMatchObject({ ok: true });

    expect(await retireLabKey(mine.claims.fam, rotated.kid)).toBe(true);
    expect(await publishedKids()).not.toContain(rotated.kid);
    await expect(verifyAccessToken(next.accessToken)).resolves.toEqual({
      ok: false,
      reason: "unknown_key",
    });
    await expect(verifyAccessToken(theirs.accessToken)).resolves.toMatchObject({ ok: true });
  });

  it("keeps at most three published keys per family, and retires only that family's", async () => {
    const { claims } = await signedIn();
    const kids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const rotated = await rotateLabKey(claims.fam);
      if (rotated.ok) kids.push(rotated.kid);
    }
    const published = await publishedKids();
    expect(published).not.toContain(kids[0]);
    expect(published).toEqual(expect.arrayContaining(kids.slice(1)));
    // Another family can't retire these.
    expect(await retireLabKey("someone-else", kids[3]!)).toBe(false);
    await retireAllLabKeys(claims.fam);
    for (const kid of kids) expect(await publishedKids()).not.toContain(kid);
  });

  it("refuses a forged lab kid without a key", async () => {
    const { accessToken } = await signedIn();
    const [, payload, signature] = accessToken.split(".");
    const header = Buffer.from(
      JSON.stringify({ alg: "ES256", kid: "lab-000000000000", typ: "at+jwt" }),
    ).toString("base64url");
    await expect(verifyAccessToken(`${header}.${payload}.${signature}`)).resolves.toEqual({
      ok: false,
      reason: "unknown_key",
    });
  });
});
