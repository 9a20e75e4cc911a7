import { randomUUID } from "node:crypto";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { purgeExpired } from "@/lib/purge";
import { getEnv } from "@/lib/env";
import { ServerTiming } from "@/lib/http/server-timing";
import { issueAccessToken } from "./access-token";
import { ACCESS_TOKEN_TYPE, jwtSettings } from "./config";
import { authenticateJwt } from "./guard";
import { publicJwks } from "./keys";
import { issueTokenPair, signOutEverywhere, signOutWithAccessToken } from "./lifecycle";
import { revokeFamily } from "./refresh";
import { checkNotRevoked, denyAccessToken } from "./revocation";
import { provenNow } from "../proof";

// The guard in both modes against the real test database. Every test has its own people.

const context = { ip: "192.0.2.40", userAgent: "vitest" };

async function newUser(name = "Guard Test") {
  return getDb().user.create({
    data: { email: `${randomUUID()}@guard.test`, name },
    select: { id: true, email: true, name: true, epoch: true },
  });
}

/** A password sign-in of `user` at their current epoch: a new family and its first pair. */
const signIn = (user: { id: string; epoch: number }) =>
  issueTokenPair(user.id, provenNow(user.epoch, "password"), context);

async function signedIn(name?: string) {
  const user = await newUser(name);
  const pair = await signIn(user);
  return { user, ...pair };
}

describe("authenticateJwt", () => {
  it("reports a missing token", async () => {
    await expect(authenticateJwt({})).resolves.toEqual({ ok: false, reason: "missing" });
    await expect(authenticateJwt({ bearer: "", cookie: "" })).resolves.toEqual({
      ok: false,
      reason: "missing",
    });
  });

  it("accepts a valid Bearer token in checked mode and loads the person", async () => {
    const { user, accessToken, claims } = await signedIn("Bearer Person");
    const timing = new ServerTiming();
    const result = await authenticateJwt({ bearer: accessToken }, timing, "checked");
    expect(result).toEqual({
      ok: true,
      user: {
        id: user.id,
        email: user.email,
        name: "Bearer Person",
        // The proof the token's family came from: the token's epoch and auth_time, the family's method.
        provenance: {
          epoch: 0,
          authTime: new Date(claims.auth_time * 1000),
          method: "password",
        },
      },
      claims,
      transport: "bearer",
      mode: "checked",
    });
    expect(timing.steps.map((step) => step.name)).toEqual(["verify", "db"]);
  });

  it("uses the app's configured verifier by default", async () => {
    const { accessToken } = await signedIn();
    await expect(authenticateJwt({ bearer: accessToken })).resolves.toMatchObject({
      ok: true,
      mode: jwtSettings().verifier,
    });
  });

  it("accepts the token from the cookie", async () => {
    const { user, accessToken } = await signedIn();
    await expect(
      authenticateJwt({ cookie: accessToken }, undefined, "checked"),
    ).resolves.toMatchObject({
      ok: true,
      user: { id: user.id, email: user.email },
      transport: "cookie",
      mode: "checked",
    });
  });

  it("stateless mode returns only the id and never asks the database", async () => {
    const { user, accessToken, claims } = await signedIn();
    const timing = new ServerTiming();
    await expect(authenticateJwt({ bearer: accessToken }, timing, "stateless")).resolves.toEqual({
      ok: true,
      user: { id: user.id },
      claims,
      transport: "bearer",
      mode: "stateless",
    });
    expect(timing.steps.map((step) => step.name)).toEqual(["verify"]);

    // Even for a person who no longer exists: stateless means signature and claims only.
    await getDb().user.delete({ where: { id: user.id } });
    await expect(
      authenticateJwt({ bearer: accessToken }, undefined, "stateless"),
    ).resolves.toMatchObject({ ok: true, user: { id: user.id } });
    await expect(authenticateJwt({ bearer: accessToken }, undefined, "checked")).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("after sign-out, stateless still accepts the token but checked refuses it", async () => {
    const { accessToken, claims } = await signedIn();
    await expect(signOutWithAccessToken(accessToken, context)).resolves.toBe(true);

    await expect(
      authenticateJwt({ bearer: accessToken }, undefined, "stateless"),
    ).resolves.toMatchObject({ ok: true });
    await expect(authenticateJwt({ bearer: accessToken }, undefined, "checked")).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(await getDb().revokedAccessToken.count({ where: { jti: claims.jti } })).toBe(1);
    expect(
      (await getDb().refreshFamily.findUniqueOrThrow({ where: { id: claims.fam } })).revokedReason,
    ).toBe("logout");
  });

  it("refuses a token that only looks like ours at sign-out", async () => {
    await expect(signOutWithAccessToken("a.b.c", context)).resolves.toBe(false);
    await expect(signOutWithAccessToken("x".repeat(5000), context)).resolves.toBe(false);
  });

  it("sign-out works with an expired access token", async () => {
    const { user, claims } = await signedIn();
    const { token: expired } = await issueAccessToken(
      {
        userId: user.id,
        familyId: claims.fam,
        epoch: user.epoch,
        authTime: new Date(claims.auth_time * 1000),
      },
      -60,
    );
    await expect(signOutWithAccessToken(expired, context)).resolves.toBe(true);
    expect(
      (await getDb().refreshFamily.findUniqueOrThrow({ where: { id: claims.fam } })).revokedAt,
    ).not.toBeNull();
  });

  it("refuses every outstanding token in checked mode after this strategy's sign-out everywhere", async () => {
    const { user, accessToken } = await signedIn();
    const second = await signIn(user);
    await expect(signOutEverywhere(user.id, context)).resolves.toBe(2);

    for (const token of [accessToken, second.accessToken]) {
      await expect(authenticateJwt({ bearer: token }, undefined, "checked")).resolves.toEqual({
        ok: false,
        reason: "revoked",
      });
    }
    // Every family revoked, the epoch untouched (the other strategies are not this one's to end).
    const families = await getDb().refreshFamily.findMany({ where: { userId: user.id } });
    expect(families.map((family) => family.revokedReason)).toEqual([
      "signed_out_everywhere",
      "signed_out_everywhere",
    ]);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).epoch).toBe(0);
    // A new sign-in is accepted again.
    const fresh = await signIn(user);
    await expect(
      authenticateJwt({ bearer: fresh.accessToken }, undefined, "checked"),
    ).resolves.toMatchObject({ ok: true });
  });

  it("refuses every token of an older epoch in checked mode, its family live or not", async () => {
    const { user, accessToken } = await signedIn();
    const second = await signIn(user);
    // The kill switch (a password change elsewhere) bumped the epoch; the families are untouched.
    await getDb().user.update({ where: { id: user.id }, data: { epoch: 1 } });

    for (const token of [accessToken, second.accessToken]) {
      await expect(authenticateJwt({ bearer: token }, undefined, "checked")).resolves.toEqual({
        ok: false,
        reason: "revoked",
      });
      // Stateless verification can't know: signature and claims only.
      await expect(
        authenticateJwt({ bearer: token }, undefined, "stateless"),
      ).resolves.toMatchObject({ ok: true });
    }
    // A sign-in under the new epoch is accepted, and says so.
    const fresh = await signIn({ id: user.id, epoch: 1 });
    expect(fresh.claims.ver).toBe(1);
    await expect(
      authenticateJwt({ bearer: fresh.accessToken }, undefined, "checked"),
    ).resolves.toMatchObject({ ok: true, user: { id: user.id, provenance: { epoch: 1 } } });
  });

  it("refuses a token whose family was made under another epoch than the token says", async () => {
    // A token claiming the person's new epoch for a family made under the old one (as a sign-in
    // that raced the kill switch would have it): the family's epoch decides too.
    const { user, claims } = await signedIn();
    await getDb().user.update({ where: { id: user.id }, data: { epoch: 1 } });
    const { token } = await issueAccessToken({
      userId: user.id,
      familyId: claims.fam,
      epoch: 1,
      authTime: new Date(claims.auth_time * 1000),
    });
    await expect(authenticateJwt({ bearer: token }, undefined, "checked")).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("refuses a token of a revoked family in checked mode, and only that family's", async () => {
    const { user, accessToken, claims } = await signedIn();
    const other = await signIn(user);
    await expect(revokeFamily(claims.fam, user.id, "revoked_by_user", context)).resolves.toBe(true);

    await expect(authenticateJwt({ cookie: accessToken }, undefined, "checked")).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
    await expect(
      authenticateJwt({ cookie: other.accessToken }, undefined, "checked"),
    ).resolves.toMatchObject({ ok: true });
  });

  it("refuses a correctly signed token naming a family that does not exist", async () => {
    const user = await newUser();
    const { token } = await issueAccessToken({
      userId: user.id,
      familyId: "no-such-family",
      epoch: user.epoch,
      authTime: new Date(),
    });
    await expect(authenticateJwt({ bearer: token }, undefined, "checked")).resolves.toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("refuses Bearer and cookie tokens of two different people", async () => {
    const alice = await signedIn("Alice");
    const bob = await signedIn("Bob");
    for (const mode of ["checked", "stateless"] as const) {
      await expect(
        authenticateJwt({ bearer: alice.accessToken, cookie: bob.accessToken }, undefined, mode),
      ).resolves.toEqual({ ok: false, reason: "conflicting_credentials" });
      await expect(
        authenticateJwt({ bearer: bob.accessToken, cookie: alice.accessToken }, undefined, mode),
      ).resolves.toEqual({ ok: false, reason: "conflicting_credentials" });
    }
  });

  it("accepts Bearer and cookie tokens of the same person, and goes by the Bearer one", async () => {
    const { user, accessToken } = await signedIn();
    const second = await signIn(user);
    const result = await authenticateJwt(
      { bearer: second.accessToken, cookie: accessToken },
      undefined,
      "checked",
    );
    expect(result).toMatchObject({ ok: true, user: { id: user.id }, transport: "bearer" });
    if (result.ok) expect(result.claims.jti).toBe(second.claims.jti);

    await expect(
      authenticateJwt({ bearer: accessToken, cookie: accessToken }, undefined, "checked"),
    ).resolves.toMatchObject({ ok: true, transport: "bearer" });
  });

  it("does not fall back to the cookie when the Bearer token is bad", async () => {
    const { accessToken } = await signedIn();
    await expect(
      authenticateJwt({ bearer: "not-a-token", cookie: accessToken }, undefined, "checked"),
    ).resolves.toEqual({ ok: false, reason: "malformed" });
  });

  it("reports an expired token as expired in both modes", async () => {
    const { user, claims } = await signedIn();
    const { token } = await issueAccessToken(
      {
        userId: user.id,
        familyId: claims.fam,
        epoch: user.epoch,
        authTime: new Date(claims.auth_time * 1000),
      },
      -60,
    );
    for (const mode of ["checked", "stateless"] as const) {
      await expect(authenticateJwt({ bearer: token }, undefined, mode)).resolves.toEqual({
        ok: false,
        reason: "expired",
      });
      await expect(authenticateJwt({ cookie: token }, undefined, mode)).resolves.toEqual({
        ok: false,
        reason: "expired",
      });
    }
  });
});

describe("denyAccessToken", () => {
  const future = () => Math.floor(Date.now() / 1000) + 600;
  const past = () => Math.floor(Date.now() / 1000) - 600;

  it("keeps a denied token's row until its exp, idempotently", async () => {
    const jti = randomUUID();
    const exp = future();
    await denyAccessToken({ jti, exp });
    await denyAccessToken({ jti, exp });
    const rows = await getDb().revokedAccessToken.findMany({ where: { jti } });
    expect(rows).toHaveLength(1);
    // Kept until exp plus the verifiers' clock tolerance, as long as a verifier could accept it.
    expect(rows[0]?.expiresAt.getTime()).toBe((exp + jwtSettings().clockToleranceSeconds) * 1000);
  });

  it("removes rows whose expiresAt has passed, and keeps live ones", async () => {
    const stale = randomUUID();
    const live = randomUUID();
    await getDb().revokedAccessToken.create({
      data: { jti: stale, expiresAt: new Date(Date.now() - 1000) },
    });
    await denyAccessToken({ jti: live, exp: future() });
    await purgeExpired();
    expect(await getDb().revokedAccessToken.count({ where: { jti: stale } })).toBe(0);
    expect(await getDb().revokedAccessToken.count({ where: { jti: live } })).toBe(1);
  });

  it("does not keep a row for a token that has already expired", async () => {
    const jti = randomUUID();
    await denyAccessToken({ jti, exp: past() });
    expect(await getDb().revokedAccessToken.count({ where: { jti } })).toBe(0);
  });

  it("makes checkNotRevoked refuse the denied jti only", async () => {
    const { user, claims } = await signedIn();
    await expect(checkNotRevoked(claims)).resolves.toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    await denyAccessToken(claims);
    await expect(checkNotRevoked(claims)).resolves.toEqual({ ok: false, reason: "revoked" });
    await expect(checkNotRevoked({ ...claims, jti: randomUUID() })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe("publicJwks", () => {
  function hasMember(value: unknown, name: string): boolean {
    if (Array.isArray(value)) return value.some((item) => hasMember(item, name));
    if (value && typeof value === "object")
      return Object.entries(value).some(([key, inner]) => key === name || hasMember(inner, name));
    return false;
  }

  it("publishes the public half only, under the env key's kid", async () => {
    const jwks = await publicJwks();
    const envKeys = getEnv().JWT_PRIVATE_KEYS;
    expect(jwks.keys).toHaveLength(envKeys.length);
    expect(hasMember(jwks, "d")).toBe(false);
    expect(JSON.stringify(jwks)).not.toContain(envKeys[0]!.d);
    for (const [index, key] of jwks.keys.entries()) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
      expect(key).toMatchObject({
        kty: "EC",
        crv: "P-256",
        alg: "ES256",
        use: "sig",
        kid: envKeys[index]!.kid,
        x: envKeys[index]!.x,
        y: envKeys[index]!.y,
      });
    }
  });

  it("is enough for a downstream service to verify an issued token", async () => {
    const { accessToken, claims } = await signedIn();
    const { issuer, audience } = jwtSettings();
    const { payload, protectedHeader } = await jwtVerify(
      accessToken,
      createLocalJWKSet(await publicJwks()),
      { algorithms: ["ES256"], issuer, audience, typ: ACCESS_TOKEN_TYPE },
    );
    expect(payload.jti).toBe(claims.jti);
    expect(protectedHeader.kid).toBe(getEnv().JWT_PRIVATE_KEYS[0]!.kid);
  });
});
