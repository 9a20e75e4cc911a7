import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { softwareAuthenticator } from "@/lib/lab/software-authenticator";
import { getDb } from "@/lib/db";
import { endEveryCredential } from "../account/revoke-all";
import { createSession, validateSessionToken } from "../session/store";
import { authenticationOptions, verifyAuthentication } from "./authentication";
import { passkeysOf, removePasskey } from "./passkeys";
import { PASSKEYS_PER_PERSON } from "./config";
import { registrationOptions, roomForAnother, verifyRegistration } from "./registration";
import { authenticationResponseSchema, registrationResponseSchema } from "./schemas";

// The ceremonies against the real database and @simplewebauthn/server, driven by a software
// authenticator (lib/lab/software-authenticator.ts) that can be made to lie: another origin, no
// user verification, a counter that goes back, a counter that stays 0.

const context = { ip: "192.0.2.90", userAgent: "vitest" };
type Authenticator = ReturnType<typeof softwareAuthenticator>;

/** A new account made with `authenticator`'s passkey, as the create-account page does. */
async function newAccount(authenticator: Authenticator) {
  const email = `${randomUUID()}@passkeys.test`;
  const { ceremonyId, options } = await registrationOptions({ kind: "new", email, name: "Pat" });
  const response = registrationResponseSchema.parse(authenticator.register(options.challenge));
  const result = await verifyRegistration({ ceremonyId, response, name: "Laptop" }, null, context);
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** A sign-in ceremony's options, then `authenticator`'s answer to them. */
async function signIn(
  authenticator: Authenticator,
  answer: Parameters<Authenticator["assert"]>[1] = {},
) {
  const { ceremonyId, options } = await authenticationOptions();
  const response = authenticationResponseSchema.parse(
    authenticator.assert(options.challenge, answer),
  );
  return { ceremonyId, response };
}

const counterOf = async (passkeyId: string) =>
  (await getDb().passkey.findUniqueOrThrow({ where: { id: passkeyId } })).counter;

describe("passkey ceremonies", () => {
  it("makes a new account with its first passkey, storing the public key and nothing secret", async () => {
    const authenticator = softwareAuthenticator();
    const { user, passkeyId, newAccount: isNew } = await newAccount(authenticator);
    expect(isNew).toBe(true);
    const row = await getDb().passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(row).toMatchObject({
      userId: user.id,
      credentialId: authenticator.id,
      counter: 0,
      aaguid: "00000000-0000-0000-0000-000000000000",
      backupEligible: false,
      name: "Laptop",
    });
    const person = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(person.passwordHash).toBeNull();
    const events = await getDb().authEvent.findMany({ where: { userId: user.id } });
    expect(events.map((event) => event.type)).toEqual(["passkey.registered"]);
  });

  it("refuses a registration answered from another origin, or twice, and stores nothing", async () => {
    const authenticator = softwareAuthenticator();
    const email = `${randomUUID()}@passkeys.test`;
    const first = await registrationOptions({ kind: "new", email, name: "Pat" });
    const phished = registrationResponseSchema.parse(
      authenticator.register(first.options.challenge, { origin: "https://evil.test" }),
    );
    const refused = await verifyRegistration(
      { ceremonyId: first.ceremonyId, response: phished, name: "x" },
      null,
      context,
    );
    expect(refused).toMatchObject({ ok: false, status: 400 });
    // The same ceremony again, with an honest answer: its challenge is gone.
    const honest = registrationResponseSchema.parse(
      authenticator.register(first.options.challenge),
    );
    await expect(
      verifyRegistration(
        { ceremonyId: first.ceremonyId, response: honest, name: "x" },
        null,
        context,
      ),
    ).resolves.toMatchObject({ ok: false, status: 400, code: "bad_request" });
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });

  it("stores no passkey when every credential was ended while it was being made", async () => {
    const { user } = await newAccount(softwareAuthenticator());
    const { ceremonyId, options } = await registrationOptions({ kind: "existing", user });
    const response = registrationResponseSchema.parse(
      softwareAuthenticator().register(options.challenge),
    );
    // "Sign out everywhere" between the options and the answer: the epoch moves on.
    await endEveryCredential(user.id, { reason: "signed_out_everywhere", context });
    await expect(
      verifyRegistration(
        { ceremonyId, response, name: "Thief's key" },
        { id: user.id, epoch: user.epoch },
        context,
      ),
    ).resolves.toMatchObject({ ok: false, status: 409 });
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });

  it(`keeps at most ${PASSKEYS_PER_PERSON} passkeys per person, every one listed`, async () => {
    const { user } = await newAccount(softwareAuthenticator());
    for (let made = 1; made < PASSKEYS_PER_PERSON; made++) {
      const { ceremonyId, options } = await registrationOptions({ kind: "existing", user });
      const response = registrationResponseSchema.parse(
        softwareAuthenticator().register(options.challenge),
      );
      const added = await verifyRegistration(
        { ceremonyId, response, name: `Key ${made}` },
        { id: user.id, epoch: user.epoch },
        context,
      );
      expect(added.ok).toBe(true);
    }
    await expect(roomForAnother(user.id)).resolves.toMatchObject({ status: 409 });
    // Options asked for before the list was full are refused when the passkey would be stored.
    const late = await registrationOptions({ kind: "existing", user });
    const response = registrationResponseSchema.parse(
      softwareAuthenticator().register(late.options.challenge),
    );
    await expect(
      verifyRegistration(
        { ceremonyId: late.ceremonyId, response, name: "One too many" },
        { id: user.id, epoch: user.epoch },
        context,
      ),
    ).resolves.toMatchObject({ ok: false, status: 409 });
    const listed = await passkeysOf(user.id);
    expect(listed).toHaveLength(PASSKEYS_PER_PERSON);
    expect(listed[0]?.name).toBe(`Key ${PASSKEYS_PER_PERSON - 1}`);
  });

  it("adds a passkey only for the person it was asked for", async () => {
    const { user } = await newAccount(softwareAuthenticator());
    const second = softwareAuthenticator();
    const { ceremonyId, options } = await registrationOptions({ kind: "existing", user });
    expect(options.excludeCredentials).toHaveLength(1);
    const response = registrationResponseSchema.parse(second.register(options.challenge));
    await expect(
      verifyRegistration(
        { ceremonyId, response, name: "Phone" },
        { id: "someone-else", epoch: user.epoch },
        context,
      ),
    ).resolves.toMatchObject({ ok: false, status: 403 });
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });

  it("signs in with a passkey: a passkey proof made now, under the person's epoch; the counter stored", async () => {
    const authenticator = softwareAuthenticator();
    const { user, passkeyId } = await newAccount(authenticator);
    const result = await verifyAuthentication(await signIn(authenticator), context);
    expect(result).toMatchObject({ ok: true, user: { id: user.id }, passkeyId });
    if (!result.ok) return;
    expect(result.provenance).toMatchObject({ method: "passkey", epoch: 0 });
    expect(Date.now() - result.provenance.authTime.getTime()).toBeLessThan(5_000);
    expect(await counterOf(passkeyId)).toBe(1);
  });

  it("refuses a replayed assertion: its challenge was used up by the first", async () => {
    const authenticator = softwareAuthenticator({ synced: true });
    await newAccount(authenticator);
    const attempt = await signIn(authenticator);
    await expect(verifyAuthentication(attempt, context)).resolves.toMatchObject({ ok: true });
    await expect(verifyAuthentication(attempt, context)).resolves.toMatchObject({
      ok: false,
      status: 400,
    });
    // Presented under a fresh ceremony instead, it answers the wrong challenge.
    const { ceremonyId } = await authenticationOptions();
    await expect(
      verifyAuthentication({ ceremonyId, response: attempt.response }, context),
    ).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it.each([
    ["from another origin (a phishing page)", { origin: "https://authlab.evil.test" }],
    ["for another relying party", { rpId: "evil.test" }],
    ["without user verification", { flags: ["UP"] as const }],
  ])("refuses an assertion %s, and changes nothing", async (_label, answer) => {
    const authenticator = softwareAuthenticator();
    const { passkeyId } = await newAccount(authenticator);
    const attempt = await signIn(authenticator, answer);
    await expect(verifyAuthentication(attempt, context)).resolves.toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await counterOf(passkeyId)).toBe(0);
    // Its challenge is gone all the same.
    await expect(verifyAuthentication(attempt, context)).resolves.toMatchObject({ status: 400 });
  });

  it("refuses a counter that does not go up (a cloned authenticator)", async () => {
    const authenticator = softwareAuthenticator();
    const { passkeyId } = await newAccount(authenticator);
    await verifyAuthentication(await signIn(authenticator, { counter: 5 }), context);
    expect(await counterOf(passkeyId)).toBe(5);
    for (const counter of [5, 3])
      await expect(
        verifyAuthentication(await signIn(authenticator, { counter }), context),
      ).resolves.toMatchObject({ ok: false, status: 401 });
    expect(await counterOf(passkeyId)).toBe(5);
  });

  it("accepts a counter that stays 0 (a synced passkey), every time, each with its own challenge", async () => {
    const authenticator = softwareAuthenticator({ synced: true });
    const { passkeyId } = await newAccount(authenticator);
    for (let i = 0; i < 2; i++)
      await expect(
        verifyAuthentication(await signIn(authenticator), context),
      ).resolves.toMatchObject({ ok: true });
    expect(await counterOf(passkeyId)).toBe(0);
  });

  it("keeps the flags the authenticator last reported: at registration, then at each sign-in", async () => {
    const authenticator = softwareAuthenticator({ synced: true });
    const { passkeyId } = await newAccount(authenticator);
    const row = () => getDb().passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    // UP, UV, BE, BS and AT (the attested credential data a registration carries).
    expect(await row()).toMatchObject({ flags: 0x5d, backupEligible: true, backedUp: true });
    const notBackedUp = await signIn(authenticator, { flags: ["UP", "UV", "BE"] });
    await expect(verifyAuthentication(notBackedUp, context)).resolves.toMatchObject({ ok: true });
    expect(await row()).toMatchObject({ flags: 0x0d, backupEligible: true, backedUp: false });
  });

  it("refuses a passkey it does not know, and a re-proof by another person's passkey", async () => {
    const stranger = softwareAuthenticator();
    await expect(verifyAuthentication(await signIn(stranger), context)).resolves.toMatchObject({
      ok: false,
      status: 401,
    });
    const mine = await newAccount(softwareAuthenticator());
    const theirs = softwareAuthenticator();
    await newAccount(theirs);
    const { ceremonyId, options } = await authenticationOptions(mine.user.id);
    const response = authenticationResponseSchema.parse(theirs.assert(options.challenge));
    await expect(verifyAuthentication({ ceremonyId, response }, context)).resolves.toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("refuses an assertion whose user handle names someone other than the passkey's owner", async () => {
    const authenticator = softwareAuthenticator();
    const { user } = await newAccount(authenticator);
    const { ceremonyId, response } = await signIn(authenticator);
    const other = Buffer.from(randomUUID()).toString("base64url");
    const named = { ...response, response: { ...response.response, userHandle: other } };
    await expect(
      verifyAuthentication({ ceremonyId, response: named }, context),
    ).resolves.toMatchObject({ ok: false, status: 401 });
    // Its own person's handle is accepted.
    const again = await signIn(authenticator);
    const own = Buffer.from(user.id).toString("base64url");
    await expect(
      verifyAuthentication(
        {
          ...again,
          response: {
            ...again.response,
            response: { ...again.response.response, userHandle: own },
          },
        },
        context,
      ),
    ).resolves.toMatchObject({ ok: true });
  });

  it("refuses malformed answers before anything is looked at", () => {
    const answer = softwareAuthenticator().assert("abc");
    for (const bad of [
      { ...answer, type: "password" },
      { ...answer, id: "not base64url!" },
      { ...answer, response: { ...answer.response, signature: 42 } },
      { id: answer.id },
    ])
      expect(authenticationResponseSchema.safeParse(bad).success).toBe(false);
  });

  it("makes ordinary sessions: the kill switch ends one a passkey made", async () => {
    const authenticator = softwareAuthenticator();
    await newAccount(authenticator);
    const result = await verifyAuthentication(await signIn(authenticator), context);
    if (!result.ok) throw new Error(result.message);
    const { token } = await createSession(result.user, result.provenance, context);
    await expect(validateSessionToken(token)).resolves.toMatchObject({
      session: { authMethod: "passkey" },
    });
    await endEveryCredential(result.user.id, { reason: "signed_out_everywhere", context });
    await expect(validateSessionToken(token)).resolves.toMatchObject({ session: null });
  });

  it("removes a passkey as a kill switch, never the last way to sign in", async () => {
    const authenticator = softwareAuthenticator();
    const { user, passkeyId } = await newAccount(authenticator);
    await expect(removePasskey(user.id, passkeyId, context)).resolves.toEqual({
      ok: false,
      reason: "last_method",
    });
    const second = await registrationOptions({ kind: "existing", user });
    const response = registrationResponseSchema.parse(
      softwareAuthenticator().register(second.options.challenge),
    );
    await verifyRegistration(
      { ceremonyId: second.ceremonyId, response, name: "Phone" },
      { id: user.id, epoch: user.epoch },
      context,
    );
    const result = await verifyAuthentication(await signIn(authenticator), context);
    if (!result.ok) throw new Error(result.message);
    const { token } = await createSession(result.user, result.provenance, context);
    await expect(removePasskey(user.id, passkeyId, context)).resolves.toMatchObject({ ok: true });
    await expect(validateSessionToken(token)).resolves.toMatchObject({ session: null });
    expect((await passkeysOf(user.id)).map((passkey) => passkey.name)).toEqual(["Phone"]);
    await expect(verifyAuthentication(await signIn(authenticator), context)).resolves.toMatchObject(
      { ok: false, status: 401 },
    );
  });
});
