import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { provenNow } from "../proof";
import { whySessionEnded } from "./ending";
import { sealToken } from "./seal";
import { createSession, endSession, shortenIdleTimeout, validateSessionToken } from "./store";

// Why the session a browser's cookie names is over: the lab's "ended 20 s ago because of the
// expiry experiment". The cookie is this test's; the store and the log are the real ones.

const cookie = vi.hoisted(() => ({ seal: undefined as string | undefined }));
vi.mock("./cookie", () => ({ readSessionCookie: async () => cookie.seal }));

const context = { ip: "192.0.2.11", userAgent: "vitest" };

async function signedIn() {
  const user = await getDb().user.create({
    data: { email: `${randomUUID()}@ending.test`, name: "Ending Test" },
    select: { id: true, email: true, name: true },
  });
  const { token, session } = await createSession(user, provenNow(0, "password"), context);
  cookie.seal = await sealToken(token);
  return { token, session };
}

const pastDeadline = (id: string) =>
  getDb().cookieSession.update({
    where: { id },
    data: { idleExpiresAt: new Date(Date.now() - 1000) },
  });

describe("whySessionEnded", () => {
  beforeEach(() => {
    cookie.seal = undefined;
  });

  it("says nothing without a cookie, or while the session lives", async () => {
    await expect(whySessionEnded()).resolves.toBeNull();
    await signedIn();
    await expect(whySessionEnded()).resolves.toBeNull();
  });

  it("names the expiry experiment when the lab had shortened the session, before and after it is deleted", async () => {
    const { token, session } = await signedIn();
    await shortenIdleTimeout(session, 5);
    await pastDeadline(session.id);
    // Past its deadline, still stored (nobody has asked yet).
    await expect(whySessionEnded()).resolves.toMatchObject({
      reason: "idle",
      shortenedByLab: true,
    });
    // Found expired by a request: deleted, and the log line says whose and why.
    await validateSessionToken(token);
    const ending = await whySessionEnded();
    expect(ending).toMatchObject({ reason: "idle", shortenedByLab: true });
    expect(Date.now() - (ending?.endedAt?.getTime() ?? 0)).toBeLessThan(10_000);
  });

  it("tells an idle timeout of the configured length from the lab's", async () => {
    const { token, session } = await signedIn();
    await pastDeadline(session.id);
    await validateSessionToken(token);
    await expect(whySessionEnded()).resolves.toMatchObject({
      reason: "idle",
      shortenedByLab: false,
    });
  });

  it("says ended elsewhere when the session is gone without running out", async () => {
    const { session } = await signedIn();
    await endSession(session.id, { type: "session.revoked" });
    await expect(whySessionEnded()).resolves.toEqual({
      reason: "ended",
      endedAt: null,
      shortenedByLab: false,
    });
  });
});
