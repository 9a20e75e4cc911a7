import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { networkDatabaseForThisFile } from "@/tests/network-database";
import { MAX_DEVICES, rememberDevice, trustNewDevice } from "./device";
import { authenticateJwt } from "./jwt/guard";
import { issueTokenPair } from "./jwt/lifecycle";
import { rotateRefreshToken } from "./jwt/refresh";
import { oauthLifetimes } from "./oauth/adapter";
import { authenticateOAuthSession } from "./oauth/sessions";
import { provenNow } from "./proof";
import { registerUser } from "./register";
import { createSession, endSession, validateSessionToken } from "./session/store";
import { checkCredentials } from "./sign-in";
import { generateToken, hashToken } from "./tokens";

// What a sign-in and a guarded request cost on a network database (Turso in a deployment), where
// every round trip is a network latency: counted through the libSQL double, as the route handlers
// call the functions (cookies aside: they are no database work). A password sign-in costs at most
// five round trips, whichever strategy and whether or not the browser is trusted; a guard, one.
// The same calls are timed by `npm run bench:round-trips` (README, "What a request costs").

const MAX_SIGN_IN = 5;
const PASSWORD = "quiet lanterns over the salt marsh";
const context = { ip: "192.0.2.93", userAgent: "vitest round trips" };

const database = networkDatabaseForThisFile();

/** The round trips `work` made (calls run one at a time, so they are all its own), and its answer. */
async function counted<T>(work: () => Promise<T>): Promise<{ trips: number; answer: T }> {
  const before = database.current().double.roundTrips();
  const answer = await work();
  return { trips: database.current().double.roundTrips() - before, answer };
}

async function person() {
  const email = `${randomUUID()}@round-trips.test`;
  const registered = await registerUser(
    { name: "Round Trips", email, password: PASSWORD },
    context,
  );
  if (!registered.ok) throw new Error("registration failed");
  return { email, id: registered.userId };
}

async function signIn(email: string, strategy: "session" | "jwt", device: string | null) {
  const result = await checkCredentials(
    { email, password: PASSWORD },
    strategy,
    context,
    undefined,
    device,
  );
  if (!result.ok) throw new Error(`the sign-in was refused: ${result.reason}`);
  return result;
}

describe("a password sign-in on a network database", () => {
  it("costs at most five round trips for a session from a new browser, and lands whole", async () => {
    const { email, id } = await person();

    // app/api/session/login and the sign-in form: the check, rememberDevice, startSession.
    const { trips, answer } = await counted(async () => {
      const result = await signIn(email, "session", null);
      const deviceToken = await trustNewDevice(result.user, context);
      const { token } = await createSession(result.user, result.user.provenance, context);
      return { result, deviceToken, token };
    });
    expect(trips).toBeLessThanOrEqual(MAX_SIGN_IN);

    // Everything the writes made is there, under the epoch read before the password was checked.
    expect(answer.result.trustedDevice).toBeNull();
    const devices = await getDb().trustedDevice.findMany({ where: { userId: id } });
    expect(devices).toMatchObject([{ userId: id, epoch: 0, ip: context.ip }]);
    expect(devices[0]?.lastUsedAt).toBeInstanceOf(Date);
    const events = await getDb().authEvent.findMany({
      where: { userId: id, type: "login.success" },
    });
    expect(events).toMatchObject([{ strategy: "session", ip: context.ip }]);
    expect((await validateSessionToken(answer.token)).user?.id).toBe(id);

    // The browser is trusted from now on.
    const again = await signIn(email, "session", answer.deviceToken);
    expect(again.trustedDevice).toBe(devices[0]?.id);
  });

  it("costs at most five round trips for a session from a trusted browser, and touches the device", async () => {
    const { email, id } = await person();
    const deviceToken = await trustNewDevice({ id, epoch: 0 }, context);
    const before = await getDb().trustedDevice.findFirstOrThrow({ where: { userId: id } });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const { trips, answer } = await counted(async () => {
      const result = await signIn(email, "session", deviceToken);
      await rememberDevice(result.user, result.trustedDevice, context);
      await createSession(result.user, result.user.provenance, context);
      return result;
    });
    expect(trips).toBeLessThanOrEqual(MAX_SIGN_IN);

    expect(answer.trustedDevice).toBe(before.id);
    const after = await getDb().trustedDevice.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.lastUsedAt.getTime()).toBeGreaterThan(before.lastUsedAt.getTime());
  });

  it("costs at most five round trips for a JWT pair (POST /api/jwt/token), which then works", async () => {
    const { email, id } = await person();

    // An API client sends no device cookie.
    const { trips, answer: pair } = await counted(async () => {
      const result = await signIn(email, "jwt", null);
      return issueTokenPair(result.user.id, result.user.provenance, context);
    });
    expect(trips).toBeLessThanOrEqual(MAX_SIGN_IN);

    const family = await getDb().refreshFamily.findUniqueOrThrow({
      where: { id: pair.familyId },
      select: { userId: true, epoch: true, expiresAt: true, tokens: { select: { id: true } } },
    });
    expect(family).toMatchObject({ userId: id, epoch: 0, tokens: [{}] });
    expect(family.expiresAt.getTime()).toBe(pair.familyExpiresAt.getTime());
    expect(await getDb().authEvent.count({ where: { userId: id, type: "token.issued" } })).toBe(1);
    // Rows written in one batch read back as Prisma's own: the refresh token rotates.
    expect((await rotateRefreshToken(pair.refreshToken, context)).ok).toBe(true);
  });

  it("keeps a person's trusted devices at the cap, the least recently used going first", async () => {
    const { id } = await person();
    const first = await trustNewDevice({ id, epoch: 0 }, context);
    for (let i = 0; i < MAX_DEVICES; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      const { trips } = await counted(() => trustNewDevice({ id, epoch: 0 }, context));
      expect(trips).toBe(1);
    }
    const left = await getDb().trustedDevice.findMany({ where: { userId: id } });
    expect(left).toHaveLength(MAX_DEVICES);
    expect(left.map((device) => device.id)).not.toContain(hashToken(first));
  });
});

describe("ending a session on a network database", () => {
  it("costs one round trip (a sign-out, or a sign-in ending the cookie's old one), and logs once", async () => {
    const { email, id } = await person();
    const user = { id, email, name: "Round Trips" };
    const { token } = await createSession(user, provenNow(0, "password"), context);
    const ending = await counted(() => endSession(hashToken(token), { type: "logout", context }));
    expect(ending.trips).toBe(1);
    const again = await counted(() => endSession(hashToken(token), { type: "logout", context }));
    expect(again.trips).toBe(1);
    expect(await getDb().cookieSession.count({ where: { userId: id } })).toBe(0);
    expect(
      await getDb().authEvent.findMany({ where: { userId: id, type: "logout" } }),
    ).toMatchObject([{ strategy: "session", ip: context.ip }]);
  });
});

describe("a guard on a network database", () => {
  it("costs one round trip, whichever strategy", async () => {
    const { email, id } = await person();
    const user = { id, email, name: "Round Trips" };
    const proof = provenNow(0, "password");
    const { token } = await createSession(user, proof, context);
    const pair = await issueTokenPair(id, proof, context);
    const oauthToken = generateToken();
    await getDb().session.create({
      data: {
        sessionToken: hashToken(oauthToken),
        userId: id,
        expires: new Date(Date.now() + oauthLifetimes().maxAgeSeconds * 1000),
        epoch: 0,
        authTime: proof.authTime,
        authMethod: "google",
      },
    });

    const session = await counted(() => validateSessionToken(token));
    expect(session.answer.user?.id).toBe(id);
    expect(session.trips).toBe(1);
    const jwt = await counted(() =>
      authenticateJwt({ bearer: pair.accessToken }, undefined, "checked"),
    );
    expect(jwt.answer.ok).toBe(true);
    expect(jwt.trips).toBe(1);
    const oauth = await counted(() => authenticateOAuthSession(oauthToken));
    expect(oauth.answer?.user?.id).toBe(id);
    expect(oauth.trips).toBe(1);
  });
});
