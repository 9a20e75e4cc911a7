import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { unseal } from "../secret-box";
import { hashToken } from "../tokens";
import { authLabAdapter, oauthLifetimes, PROVIDER_TOKEN_PURPOSE } from "./adapter";
import { callbackContext, runInCallbackContext } from "./callback-context";

// Auth.js's adapter with the app's rules, against the real database.

async function newUser() {
  return getDb().user.create({
    data: { email: `${randomUUID()}@adapter.test`, passwordHash: "$argon2id$not-a-real-hash" },
    select: { id: true, epoch: true },
  });
}

/** When the provider says the person signed in there (a whole second, as an ID token's auth_time). */
const providerAuthTime = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 30_000);

/**
 * `work` as a provider callback runs it: the callback has read the person (with their epoch) and
 * recorded the provider sign-in's proof, which is what a session it makes carries.
 */
function inCallback<T>(
  person: { id: string; epoch: number },
  work: () => T | PromiseLike<T>,
  authTime = providerAuthTime(),
): Promise<T> {
  const request = new Request(
    `https://authlab.test/api/auth/callback/github?state=${randomUUID()}`,
  );
  return runInCallbackContext(request, async () => {
    Object.assign(callbackContext(), { person, proof: { method: "github", authTime } });
    return work();
  });
}

/** A session made by a callback for `user`, through the adapter. */
async function createdSession(user: { id: string; epoch: number }, expiresInMs = 60_000) {
  const sessionToken = randomUUID();
  await inCallback(user, () =>
    authLabAdapter().createSession!({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + expiresInMs),
    }),
  );
  return sessionToken;
}

describe("the Auth.js adapter", () => {
  it("stores a session's token as its SHA-256 and finds it by the token", async () => {
    const adapter = authLabAdapter();
    const user = await newUser();
    const sessionToken = await createdSession(user);
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
    const sessionToken = await createdSession(user);
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
    const sessionToken = await createdSession(user);
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

  it("makes a session only inside a provider callback, for the person it read, with its proof", async () => {
    const adapter = authLabAdapter();
    const [user, stranger] = [await newUser(), await newUser()];
    const attempt = (sessionToken: string) =>
      adapter.createSession!({
        sessionToken,
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
      });

    // Outside a callback there is no proof to record: nothing is made.
    const outside = randomUUID();
    await expect(attempt(outside)).rejects.toThrow(/provider callback/);
    // A callback that read another person makes nothing for this one either.
    const mismatched = randomUUID();
    await expect(inCallback(stranger, () => attempt(mismatched))).rejects.toThrow(
      /provider callback/,
    );
    expect(
      await getDb().session.count({
        where: { sessionToken: { in: [outside, mismatched].map(hashToken) } },
      }),
    ).toBe(0);

    // Inside its callback: the epoch the callback read and the provider's own sign-in time.
    const authTime = providerAuthTime();
    const sessionToken = randomUUID();
    await inCallback({ id: user.id, epoch: user.epoch }, () => attempt(sessionToken), authTime);
    const row = await getDb().session.findUniqueOrThrow({
      where: { sessionToken: hashToken(sessionToken) },
    });
    expect(row).toMatchObject({ userId: user.id, epoch: 0, authMethod: "github" });
    expect(row.authTime.getTime()).toBe(authTime.getTime());
  });

  it("refuses and deletes a session made under an epoch the kill switch has since moved past", async () => {
    const adapter = authLabAdapter();
    const user = await newUser();
    const sessionToken = await createdSession(user);
    expect(await adapter.getSessionAndUser!(sessionToken)).not.toBeNull();

    await getDb().user.update({ where: { id: user.id }, data: { epoch: { increment: 1 } } });
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
    expect(await getDb().session.count({ where: { sessionToken: hashToken(sessionToken) } })).toBe(
      0,
    );

    // A callback that read the new epoch makes a session that works.
    const fresh = await createdSession({ id: user.id, epoch: 1 });
    expect((await adapter.getSessionAndUser!(fresh))?.user.id).toBe(user.id);
  });

  it("stores provider tokens encrypted, and only the server can read them back", async () => {
    const adapter = authLabAdapter();
    const access = `gho_${randomUUID()}`;
    // A sign-up, as Auth.js makes it: the person made by this very callback, then their account.
    const user = await runInCallbackContext(new Request("http://x/cb"), async () => {
      const made = await adapter.createUser!({
        id: "",
        email: `${randomUUID()}@adapter.test`,
        emailVerified: null,
        name: "Sign Up",
      });
      await adapter.linkAccount!({
        userId: made.id,
        type: "oauth",
        provider: "github",
        providerAccountId: randomUUID(),
        access_token: access,
        token_type: "bearer",
        scope: "read:user",
      });
      return made;
    });
    const row = await getDb().account.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.access_token).not.toContain(access);
    expect(row.access_token).toMatch(/^v1\./);
    expect(unseal(row.access_token, PROVIDER_TOKEN_PURPOSE)).toBe(access);
    expect(unseal(row.access_token, "another purpose")).toBeNull();
  });

  it("links an account to nobody but the person its own callback made", async () => {
    const adapter = authLabAdapter();
    const victim = await newUser();
    const account = {
      userId: victim.id,
      type: "oauth" as const,
      provider: "github",
      providerAccountId: randomUUID(),
    };
    // Whatever Auth.js read from the session cookie, an existing person is never linked here.
    await expect(
      runInCallbackContext(new Request("http://x/cb"), async () => {
        await adapter.linkAccount!(account);
      }),
    ).rejects.toThrow(/only through a link intent/);
    await expect(adapter.linkAccount!(account)).rejects.toThrow(/only through a link intent/);
    expect(await getDb().account.count({ where: { userId: victim.id } })).toBe(0);
  });
});
