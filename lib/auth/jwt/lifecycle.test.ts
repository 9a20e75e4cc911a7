import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { jwtSettings } from "./config";
import { authenticateJwt } from "./guard";
import { issueTokenPair, restoreAccessLifetime, shortenAccessLifetime } from "./lifecycle";
import { rotateRefreshToken } from "./refresh";
import { provenNow } from "../proof";

// The lab's expiry experiment on the JWT side: one family's access tokens get shorter, for good
// (through rotation), and never longer than configured. Real test database, a person per test.

const context = { ip: "192.0.2.50", userAgent: "vitest" };

async function signedIn() {
  const user = await getDb().user.create({
    data: { email: `${randomUUID()}@lifecycle.test`, name: "Lifecycle Test" },
    select: { id: true, epoch: true },
  });
  return { user, ...(await issueTokenPair(user.id, provenNow(user.epoch, "password"), context)) };
}

describe("issueTokenPair", () => {
  it("ends an exchanged family when the credential it came from ends, not a lifetime later", async () => {
    const user = await getDb().user.create({
      data: { email: `${randomUUID()}@lifecycle.test` },
      select: { id: true },
    });
    const sourceEnds = new Date(Date.now() + 90_000);
    const pair = await issueTokenPair(user.id, provenNow(0, "password"), context, {
      exchangedFrom: "session",
      notAfter: sourceEnds,
    });
    expect(pair.familyExpiresAt.getTime()).toBe(sourceEnds.getTime());
    // The access token never outlives its family either.
    expect(pair.claims.exp).toBeLessThanOrEqual(Math.ceil(sourceEnds.getTime() / 1000));
  });

  it("records the proof on the family and in the token, never a newer one for an exchange", async () => {
    const user = await getDb().user.create({
      data: { email: `${randomUUID()}@lifecycle.test`, epoch: 2 },
      select: { id: true },
    });
    // Exchanged for an OAuth session whose provider sign-in was an hour ago.
    const provedAt = new Date(Date.now() - 60 * 60_000);
    const pair = await issueTokenPair(
      user.id,
      { epoch: 2, authTime: provedAt, method: "github" },
      context,
      { exchangedFrom: "oauth" },
    );
    expect(pair.claims).toMatchObject({
      sub: user.id,
      fam: pair.familyId,
      ver: 2,
      auth_time: Math.floor(provedAt.getTime() / 1000),
    });
    const family = await getDb().refreshFamily.findUniqueOrThrow({ where: { id: pair.familyId } });
    expect(family).toMatchObject({ epoch: 2, authMethod: "github", exchangedFrom: "oauth" });
    expect(family.authTime.getTime()).toBe(provedAt.getTime());
    const event = await getDb().authEvent.findFirstOrThrow({
      where: { userId: user.id, type: "token.issued" },
    });
    expect(JSON.parse(event.detail)).toMatchObject({ proof: "github", exchangedFrom: "oauth" });

    // Its refreshes carry the same proof: a refresh is not a new one.
    const rotated = await rotateRefreshToken(pair.refreshToken, context);
    expect(rotated).toMatchObject({
      ok: true,
      user: { id: user.id, epoch: 2 },
      claims: { ver: 2, auth_time: pair.claims.auth_time },
    });
    // A sign-in of its own is no exchange.
    const own = await issueTokenPair(user.id, provenNow(2, "password"), context);
    const ownFamily = await getDb().refreshFamily.findUniqueOrThrow({
      where: { id: own.familyId },
    });
    expect(ownFamily).toMatchObject({ authMethod: "password", exchangedFrom: null });
  });
});

describe("shortenAccessLifetime", () => {
  it("swaps the current token for a short one and denylists the long one", async () => {
    const { accessToken, claims } = await signedIn();
    const shortened = await shortenAccessLifetime(claims, 30);
    if (!shortened) throw new Error("expected the family to be shortened");

    expect(shortened.claims.exp - shortened.claims.iat).toBe(30);
    expect(shortened.claims.fam).toBe(claims.fam);
    // The same family, the same proof: its epoch and auth_time are kept as they were.
    expect(shortened.claims.ver).toBe(claims.ver);
    expect(shortened.claims.auth_time).toBe(claims.auth_time);
    await expect(authenticateJwt({ bearer: shortened.token })).resolves.toMatchObject({ ok: true });
    await expect(authenticateJwt({ bearer: accessToken })).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("keeps the family short through rotation, and leaves the person's other families alone", async () => {
    const { user, claims, refreshToken } = await signedIn();
    const other = await issueTokenPair(user.id, provenNow(user.epoch, "password"), context);
    await shortenAccessLifetime(claims, 30);

    const rotated = await rotateRefreshToken(refreshToken, context);
    expect(rotated).toMatchObject({ ok: true, accessTtlSeconds: 30 });
    const untouched = await rotateRefreshToken(other.refreshToken, context);
    expect(untouched).toMatchObject({ ok: true, accessTtlSeconds: jwtSettings().accessTtlSeconds });
  });

  it("is undone: the next refresh gives the configured lifetime, and the token in hand stays short", async () => {
    const { claims, refreshToken } = await signedIn();
    const shortened = await shortenAccessLifetime(claims, 30);
    if (!shortened) throw new Error("expected the family to be shortened");
    expect(await restoreAccessLifetime(shortened.claims)).toBe(true);
    // The access token alone buys nothing longer: it keeps its exp until the refresh token renews it.
    await expect(authenticateJwt({ bearer: shortened.token })).resolves.toMatchObject({
      ok: true,
      claims: { exp: shortened.claims.exp },
    });
    await expect(rotateRefreshToken(refreshToken, context)).resolves.toMatchObject({
      ok: true,
      accessTtlSeconds: jwtSettings().accessTtlSeconds,
    });
    // A revoked family has nothing to undo.
    await getDb().refreshFamily.update({
      where: { id: claims.fam },
      data: { revokedAt: new Date() },
    });
    expect(await restoreAccessLifetime(shortened.claims)).toBe(false);
  });

  it("never lengthens: asking for more than configured gets the configured lifetime", async () => {
    const { claims, refreshToken } = await signedIn();
    const override = async () =>
      (await getDb().refreshFamily.findUniqueOrThrow({ where: { id: claims.fam } }))
        .accessTtlSeconds;

    const shortened = await shortenAccessLifetime(claims, 10 ** 9);
    expect(await override()).toBe(jwtSettings().accessTtlSeconds);
    // And a later, longer request can't undo a shorter one.
    const short = shortened && (await shortenAccessLifetime(shortened.claims, 20));
    expect(await override()).toBe(20);
    await shortenAccessLifetime(short?.claims ?? claims, 600);
    expect(await override()).toBe(20);
    await expect(rotateRefreshToken(refreshToken, context)).resolves.toMatchObject({
      accessTtlSeconds: 20,
    });
  });

  it("never gives a token a later exp than the one it replaces, nor than its family", async () => {
    const { claims } = await signedIn();
    const nearlyExpired = { ...claims, exp: Math.floor(Date.now() / 1000) + 2 };
    const shortened = await shortenAccessLifetime(nearlyExpired, 30);
    expect(shortened?.claims.exp).toBeLessThanOrEqual(nearlyExpired.exp);

    // Again and again: the exp never moves forward.
    const again = shortened && (await shortenAccessLifetime(shortened.claims, 30));
    expect(again?.claims.exp).toBeLessThanOrEqual(nearlyExpired.exp);

    const ending = await signedIn();
    await getDb().refreshFamily.update({
      where: { id: ending.claims.fam },
      data: { expiresAt: new Date(Date.now() + 3_000) },
    });
    const capped = await shortenAccessLifetime(ending.claims, 30);
    expect(capped && capped.claims.exp - capped.claims.iat).toBeLessThanOrEqual(3);
  });

  it("does nothing for an expired family or an expired token", async () => {
    const { claims } = await signedIn();
    const expired = { ...claims, exp: Math.floor(Date.now() / 1000) - 1 };
    await expect(shortenAccessLifetime(expired, 30)).resolves.toBeNull();

    await getDb().refreshFamily.update({
      where: { id: claims.fam },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await expect(shortenAccessLifetime(claims, 30)).resolves.toBeNull();
  });

  it("does nothing for a revoked family", async () => {
    const { claims } = await signedIn();
    await getDb().refreshFamily.update({
      where: { id: claims.fam },
      data: { revokedAt: new Date(), revokedReason: "logout" },
    });
    await expect(shortenAccessLifetime(claims, 30)).resolves.toBeNull();
  });
});
