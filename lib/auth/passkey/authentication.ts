import "server-only";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
} from "@simplewebauthn/server";
import type { User } from "@/lib/auth/user";
import { transaction } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { recordEvent } from "../events";
import { type Provenance, provenNow } from "../proof";
import { beginCeremony, takeCeremony } from "./ceremony";
import { challengeLifetimeMs, relyingParty } from "./config";
import { assertionFlags } from "./flags";
import { passkeyForAssertion } from "./passkeys";
import { CEREMONY_GONE, refuse, type Refusal } from "./refusal";
import type { AuthenticationAnswer } from "./schemas";

// Authentication: an assertion by a discoverable passkey (no allowCredentials, so the browser can
// offer the person's passkeys in its autofill), for a sign-in by anyone, or for a re-proof of the
// person signed in (`forUserId`). User verification is required and checked, the counter stored,
// and a non-zero counter that does not go up refused (a cloned authenticator). A counter that
// stays 0 (synced passkeys report no counter) is accepted, as the library and the specification
// allow: what stops a replay then is the challenge, used up before verification.

export async function authenticationOptions(forUserId: string | null = null) {
  const rp = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: [],
    userVerification: "required",
    timeout: challengeLifetimeMs(),
  });
  const ceremonyId = await beginCeremony({
    ceremony: "authentication",
    challenge: options.challenge,
    userId: forUserId,
    newPerson: null,
  });
  return { ceremonyId, options };
}

export type Authenticated = {
  ok: true;
  user: User;
  passkeyId: string;
  /** A re-proof of the person signed in (the ceremony was asked for them), not a sign-in. */
  reproof: boolean;
  /** A passkey proof made now, under the epoch read before the assertion was checked. */
  provenance: Provenance;
};

export async function verifyAuthentication(
  { ceremonyId, response }: { ceremonyId: string; response: AuthenticationAnswer },
  context: RequestContext,
): Promise<Authenticated | Refusal> {
  const taken = await takeCeremony(ceremonyId, "authentication");
  if (!taken) return CEREMONY_GONE;
  const passkey = await passkeyForAssertion(response.id);
  const failed = async (status: 401 | 403, message: string, userId: string | null) => {
    await recordEvent({
      type: "passkey.failed",
      strategy: "session",
      userId,
      context,
      detail: { ceremony: "authentication", reason: message.slice(0, 200) },
    });
    return refuse(status, status === 401 ? "unauthorized" : "forbidden", message);
  };
  if (!passkey)
    return failed(401, "This passkey is not registered here (it may have been removed).", null);
  if (taken.userId !== null && taken.userId !== passkey.user.id)
    return failed(403, "That passkey belongs to another account.", taken.userId);
  // With no credential list sent, the authenticator names the person it made the passkey for
  // (the user id given at registration): it must be the passkey's owner (WebAuthn §7.2).
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== Buffer.from(passkey.user.id).toString("base64url"))
    return failed(401, "The passkey names another account than the one it belongs to.", null);

  const rp = relyingParty();
  let newCounter: number;
  let seen: { flags: number; backedUp: boolean };
  try {
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: taken.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
    });
    if (!verified.verified)
      return await failed(401, "The passkey's signature did not verify.", passkey.user.id);
    newCounter = verified.authenticationInfo.newCounter;
    seen = assertionFlags(response);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "it did not verify";
    return failed(401, `The passkey was not accepted: ${reason}`, passkey.user.id);
  }

  // The counter moves only from the value this check read: of two assertions racing with the
  // same counter, one lands and the other is refused like a clone.
  const landed = await transaction(async (tx) => {
    const { count } = await tx.passkey.updateMany({
      where: { id: passkey.id, counter: passkey.counter },
      // BS may change over a passkey's life (a device-bound key synced later): kept as last seen.
      data: { counter: newCounter, lastUsedAt: new Date(), ...seen },
    });
    if (count === 0) return false;
    await recordEvent(
      {
        type: "passkey.signed_in",
        // A re-proof is also logged as account.reproved by the caller: the account's activity
        // says it once.
        strategy: "session",
        userId: passkey.user.id,
        context,
        detail: { passkey: passkey.id, counter: newCounter, reproof: taken.userId !== null },
      },
      tx,
    );
    return true;
  });
  if (!landed)
    return failed(
      401,
      "The passkey's counter was used by another sign-in just now.",
      passkey.user.id,
    );
  const { epoch, ...user } = passkey.user;
  return {
    ok: true,
    user,
    passkeyId: passkey.id,
    reproof: taken.userId !== null,
    provenance: provenNow(epoch, "passkey"),
  };
}
