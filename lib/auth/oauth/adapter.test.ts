import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { unseal } from "../secret-box";
import { hashToken } from "../tokens";
import { authLabAdapter, oauthLifetimes, PROVIDER_TOKEN_PURPOSE } from "./adapter";

// Auth.js's adapter with the app's rules, against the real database.

async function newUser() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@adapter.test`, passwordHash: "$argon2id$not-a-real-hash" },
    select: { id: true },
  });
}

describe("the Auth.js adapter", () => {
  it("stores a session's token as its SHA-256 and finds it by the token", async () => {
    const adapter = authLabAdapter();
    const user = await newUser();
    const sessionToken = randomUUID();
    await adapter.createSession!({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    expect(await getDb().session.count({ where: { sessionToken } })).toBe(0);
    expect(await getDb().session.count({ where: { sessionToken: hashToken(sessionToken) } })).toBe(
      1,
    );

    const found = await adapter.getSessionAndUser!(sessionToken);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.sessionToken).toBe(sessionToken);
    // The person handed to Auth.js carries no password hash.
    expect(found?.user).not.toHaveProperty("passwordHash");
    // The stored hash itself opens nothing.
    expect(await adapter.getSessionAndUser!(hashToken(sessionToken))).toBeNull();

    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });

  it("ends a session at its absolute lifetime, however recently it was used", async () => {
    const adapter = authLabAdapter();
    const user = await newUser();
    const sessionToken = randomUUID();
    await adapter.createSession!({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    const absoluteMs = oauthLifetimes().absoluteSeconds * 1000;
    await getDb().session.update({
      where: { sessionToken: hashToken(sessionToken) },
      data: { createdAt: new Date(Date.now() - absoluteMs - 1000) },
    });
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
    expect(await getDb().session.count({ where: { sessionToken: hashToken(sessionToken) } })).toBe(
      0,
    );
  });

  it("never slides a session past its absolute end", async () => {
    const adapter = authLabAdapter();
    const user = await newUser();
    const sessionToken = randomUUID();
    await adapter.createSession!({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    const createdAt = new Date(Date.now() - oauthLifetimes().absoluteSeconds * 1000 + 30_000);
    await getDb().session.update({
      where: { sessionToken: hashToken(sessionToken) },
      data: { createdAt },
    });
    const updated = await adapter.updateSession!({
      sessionToken,
      expires: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    });
    expect(updated?.expires.getTime()).toBeLessThanOrEqual(Date.now() + 31_000);
  });

  it("stores provider tokens encrypted, and only the server can read them back", async () => {
    const adapter = authLabAdapter();
    const user = await newUser();
    const access = `gho_${randomUUID()}`;
    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: randomUUID(),
      access_token: access,
      token_type: "bearer",
      scope: "read:user",
    });
    const row = await getDb().account.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.access_token).not.toContain(access);
    expect(row.access_token).toMatch(/^v1\./);
    expect(unseal(row.access_token, PROVIDER_TOKEN_PURPOSE)).toBe(access);
    expect(unseal(row.access_token, "another purpose")).toBeNull();
  });
});
