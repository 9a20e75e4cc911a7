import "server-only";
import { randomUUID } from "node:crypto";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import type { User } from "@/lib/auth/user";
import { transaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { beginCeremony, takeCeremony } from "./ceremony";
import { challengeLifetimeMs, PASSKEYS_PER_PERSON, relyingParty } from "./config";
import { registrationFlags } from "./flags";
import { credentialsToExclude } from "./passkeys";
import { CEREMONY_GONE, refuse, type Refusal } from "./refusal";
import type { RegistrationAnswer } from "./schemas";

// Registration: a new passkey for a person who is signed in (any strategy, with a recent proof:
// the caller checks), or the first one of a new account, made only once the passkey verifies.
// Attestation "none" (the lab does not vet authenticator models), a discoverable credential
// (sign-in without typing a name), user verification required and checked.

/** Whom the passkey is for: a signed-in person, or a new account (its id chosen now). */
export type Registrant =
  { kind: "existing"; user: User } | { kind: "new"; email: string; name: string };

export async function registrationOptions(registrant: Registrant) {
  const rp = relyingParty();
  const userId = registrant.kind === "existing" ? registrant.user.id : randomUUID();
  const email = registrant.kind === "existing" ? registrant.user.email : registrant.email;
  const name = registrant.kind === "existing" ? registrant.user.name : registrant.name;
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: email,
    userDisplayName: name ?? email,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    excludeCredentials:
      registrant.kind === "existing" ? await credentialsToExclude(registrant.user.id) : [],
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: challengeLifetimeMs(),
  });
  const ceremonyId = await beginCeremony({
    ceremony: "registration",
    challenge: options.challenge,
    userId,
    newPerson: registrant.kind === "new" ? { email, name: registrant.name } : null,
  });
  return { ceremonyId, options };
}

export type Registered = {
  ok: true;
  user: User & { epoch: number };
  passkeyId: string;
  newAccount: boolean;
};

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

const TOO_MANY = refuse(
  409,
  "conflict",
  `You have ${PASSKEYS_PER_PERSON} passkeys, the most an account may have: remove one first.`,
);
const SIGNED_OUT_MEANWHILE = refuse(
  409,
  "conflict",
  "Every credential of this account was ended while the passkey was being made: sign in again.",
);

/** Whether `userId` may have one more passkey. */
export async function roomForAnother(userId: string): Promise<Refusal | null> {
  return (await credentialsToExclude(userId)).length >= PASSKEYS_PER_PERSON ? TOO_MANY : null;
}

/**
 * Verifies the authenticator's answer and stores the passkey (and a new account's person) in one
 * transaction. The challenge is used up first, whatever happens next. `signedIn` is the person
 * this browser is signed in as now, with the epoch of its credential: adding to an account needs
 * the very person it was asked for, still in that epoch when the passkey is stored (a "sign out
 * everywhere" or a password change in between wins).
 */
export async function verifyRegistration(
  {
    ceremonyId,
    response,
    name,
  }: { ceremonyId: string; response: RegistrationAnswer; name: string },
  signedIn: { id: string; epoch: number } | null,
  context: RequestContext,
): Promise<Registered | Refusal> {
  const taken = await takeCeremony(ceremonyId, "registration");
  if (!taken?.userId) return CEREMONY_GONE;
  const { userId, newPerson } = taken;
  if (!newPerson && userId !== signedIn?.id)
    return refuse(403, "forbidden", "This passkey request was made for another sign-in.");

  const failed = async (message: string) => {
    await recordEvent({
      type: "passkey.failed",
      strategy: "account",
      userId: newPerson ? null : userId,
      context,
      detail: { ceremony: "registration", reason: message.slice(0, 200) },
    });
    return refuse(400, "bad_request", `The passkey was not accepted: ${message}`);
  };
  const rp = relyingParty();
  let info;
  try {
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: taken.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
    if (!verified.verified) return await failed("it did not verify.");
    info = verified.registrationInfo;
  } catch (error) {
    return failed(error instanceof Error ? error.message : "it did not verify.");
  }

  try {
    return await transaction(async (tx) => {
      const user = newPerson
        ? await tx.user.create({
            data: { id: userId, email: newPerson.email, name: newPerson.name },
            select: { id: true, email: true, name: true, epoch: true },
          })
        : await tx.user.findFirst({
            where: { id: userId, epoch: signedIn?.epoch },
            select: { id: true, email: true, name: true, epoch: true },
          });
      if (!user) return SIGNED_OUT_MEANWHILE;
      if ((await tx.passkey.count({ where: { userId } })) >= PASSKEYS_PER_PERSON) return TOO_MANY;
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId: info.credential.id,
          publicKey: new Uint8Array(info.credential.publicKey),
          counter: info.credential.counter,
          transports: JSON.stringify(info.credential.transports ?? []),
          aaguid: info.aaguid,
          backupEligible: info.credentialDeviceType === "multiDevice",
          backedUp: info.credentialBackedUp,
          flags: registrationFlags(info.attestationObject),
          deviceType: info.credentialDeviceType,
          name,
        },
        select: { id: true },
      });
      await recordEvent(
        {
          type: "passkey.registered",
          strategy: "account",
          userId,
          context,
          detail: { passkey: passkey.id, newAccount: Boolean(newPerson) },
        },
        tx,
      );
      return { ok: true, user, passkeyId: passkey.id, newAccount: Boolean(newPerson) } as const;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refuse(
      409,
      "conflict",
      newPerson
        ? "An account with this email already exists. Sign in instead."
        : "This passkey is registered already.",
    );
  }
}
