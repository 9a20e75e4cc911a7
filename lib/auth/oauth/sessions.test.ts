import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { hashToken } from "../tokens";
import { absoluteEnd, authLabAdapter, oauthLifetimes } from "./adapter";
import { authenticateOAuthSession } from "./sessions";

// The route handlers' Auth.js guard without Auth.js: what Auth.js's session check does for a
// database session, against the real database.

async function signedIn(expiresInMs: number, createdAt = new Date()) {
  const user = await getDb().user.create({
    data: { email: `${randomUUID()}@oauth-guard.test`, name: "OAuth Guard" },
    select: { id: true, email: true, name: true },
  });
  const sessionToken = randomUUID();
  // As a provider callback makes it (the adapter refuses to outside one): the person's epoch
  // and the provider sign-in's proof.
  const provenance = {
    epoch: 0,
    authTime: new Date(createdAt.getTime() - 5000),
    method: "github" as const,
  };
  await getDb().session.create({
    data: {
      sessionToken: hashToken(sessionToken),
      userId: user.id,
      expires: new Date(Date.now() + expiresInMs),
      createdAt,
      epoch: provenance.epoch,
      authTime: provenance.authTime,
      authMethod: provenance.method,
    },
  });
  const expires = async () =>
    (await getDb().session.findUnique({ where: { sessionToken: hashToken(sessionToken) } }))
      ?.expires;
  return { user, sessionToken, expires, provenance };
}

describe("authenticateOAuthSession", () => {
  const { maxAgeSeconds, updateAgeSeconds } = oauthLifetimes();
  const maxAgeMs = maxAgeSeconds * 1000;
  const updateAgeMs = Math.min(updateAgeSeconds, maxAgeSeconds) * 1000;

  it("answers with the person and writes nothing while the session is not due to slide", async () => {
    const { user, sessionToken, expires, provenance } = await signedIn(maxAgeMs - 1000);
    const before = await expires();
    // The proof it carries is the provider sign-in's, as stored.
    // It ends at the absolute lifetime counted from its sign-in, whatever slides.
    const row = await getDb().session.findUniqueOrThrow({
      where: { sessionToken: hashToken(sessionToken) },
    });
    await expect(authenticateOAuthSession(sessionToken)).resolves.toEqual({
      user,
      provenance,
      endsAt: absoluteEnd(row.createdAt),
      slidTo: null,
    });
    expect(await expires()).toEqual(before);
  });

  it("slides the expiry once updateAge has passed, never past the absolute end", async () => {
    const { sessionToken, expires } = await signedIn(maxAgeMs - updateAgeMs - 1000);
    const before = (await expires())!.getTime();
    const found = await authenticateOAuthSession(sessionToken);
    const after = (await expires())!.getTime();
    // The new expiry comes back, for the cookie to follow.
    expect(found?.slidTo?.getTime()).toBe(after);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThanOrEqual(Date.now() + maxAgeMs);
  });

  it("refuses a deleted session on the very next use, and an expired one (deleting it)", async () => {
    const live = await signedIn(maxAgeMs);
    await expect(authenticateOAuthSession(live.sessionToken)).resolves.not.toBeNull();
    await authLabAdapter().deleteSession!(live.sessionToken);
    await expect(authenticateOAuthSession(live.sessionToken)).resolves.toBeNull();

    const ended = await signedIn(-1000);
    await expect(authenticateOAuthSession(ended.sessionToken)).resolves.toBeNull();
    expect(await ended.expires()).toBeUndefined();
    await expect(authenticateOAuthSession(hashToken(live.sessionToken))).resolves.toBeNull();
  });

  it("refuses a session made under an older epoch (the kill switch ran since), deleting it", async () => {
    const { user, sessionToken, expires } = await signedIn(maxAgeMs);
    await expect(authenticateOAuthSession(sessionToken)).resolves.not.toBeNull();
    await getDb().user.update({ where: { id: user.id }, data: { epoch: { increment: 1 } } });
    await expect(authenticateOAuthSession(sessionToken)).resolves.toBeNull();
    expect(await expires()).toBeUndefined();
  });
});
