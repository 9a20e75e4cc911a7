import "server-only";
import { z } from "zod";
import { idsByEmail } from "@/lib/auth/account/person";
import { recentlyProvenBrowser } from "@/lib/auth/account/recently-proven";
import { reissueThisBrowser } from "@/lib/auth/account/reissue";
import { thisBrowser } from "@/lib/auth/account/this-browser";
import { emailSchema, nameSchema } from "@/lib/auth/credentials";
import { recordEvent } from "@/lib/auth/events";
import { provenNow } from "@/lib/auth/proof";
import { passkeyCeremonyBudget, registrationBudget, spendOrThrow } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/session/lifecycle";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { contextFrom } from "@/lib/request-context";
import { authenticationOptions, verifyAuthentication } from "./authentication";
import type { Refusal } from "./refusal";
import { registrationOptions, roomForAnother, verifyRegistration } from "./registration";
import {
  authenticationResponseSchema,
  ceremonyIdSchema,
  passkeyNameSchema,
  registrationResponseSchema,
} from "./schemas";

// The four passkey route handlers (app/api/passkey/…): options out with an opaque ceremony id,
// the authenticator's answer and that id back. Every refusal is a 4xx in the standard shape.
// A sign-in starts the session strategy's own session; a re-proof gives this browser new
// credentials carrying the passkey proof, as a password re-proof does.

const refused = (refusal: Refusal) => jsonError(refusal.status, refusal.code, refusal.message);

const registrationStart = z.discriminatedUnion("account", [
  z.object({ account: z.literal("new"), email: emailSchema, name: nameSchema }).strict(),
  z.object({ account: z.literal("current") }).strict(),
]);

/** Each start stores a challenge: counted per address (and overall) before it is made. */
const spendOnCeremony = (request: Request) =>
  spendOrThrow(passkeyCeremonyBudget, "passkey requests", contextFrom(request.headers));

export async function startRegistration(request: Request): Promise<Response> {
  const body = await readJsonBody(request, registrationStart);
  if (!body.ok) return body.response;
  await spendOnCeremony(request);
  if (body.data.account === "new") {
    const { email, name } = body.data;
    await spendOrThrow(registrationBudget, "new accounts", contextFrom(request.headers));
    // Said before the device makes a passkey nobody could use (as registration says it); the
    // unique index decides again when the account is made.
    if ((await idsByEmail([email])).length > 0)
      return jsonError(
        409,
        "conflict",
        "An account with this email already exists. Sign in instead.",
      );
    return json(await registrationOptions({ kind: "new", email, name }));
  }
  const browser = await recentlyProvenBrowser(
    "add-passkey",
    "/passkey/manage",
    "Adding a passkey needs a recent proof of who you are: confirm it is you first.",
  );
  if (browser instanceof Response) return browser;
  const full = await roomForAnother(browser.user.id);
  if (full) return refused(full);
  return json(await registrationOptions({ kind: "existing", user: browser.user }));
}

const registrationAnswer = z
  .object({
    ceremonyId: ceremonyIdSchema,
    response: registrationResponseSchema,
    name: passkeyNameSchema.default("My passkey"),
  })
  .strict();

export async function finishRegistration(request: Request): Promise<Response> {
  const body = await readJsonBody(request, registrationAnswer);
  if (!body.ok) return body.response;
  const context = contextFrom(request.headers);
  const browser = await thisBrowser();
  const signedIn =
    browser.state === "signed-in" ? { id: browser.user.id, epoch: browser.proof.epoch } : null;
  const result = await verifyRegistration(body.data, signedIn, context);
  if (!result.ok) return refused(result);
  const { epoch, ...user } = result.user;
  // A new account is signed in with the proof it was just made with.
  if (result.newAccount) await startSession(user, provenNow(epoch, "passkey"), context);
  return json(
    { user, passkey: { id: result.passkeyId }, signedIn: result.newAccount },
    { status: 201 },
  );
}

const authenticationStart = z
  .object({ purpose: z.enum(["sign-in", "reproof"]).default("sign-in") })
  .strict();

export async function startAuthentication(request: Request): Promise<Response> {
  const body = await readJsonBody(request, authenticationStart);
  if (!body.ok) return body.response;
  await spendOnCeremony(request);
  if (body.data.purpose === "sign-in") return json(await authenticationOptions());
  const browser = await thisBrowser();
  if (browser.state !== "signed-in")
    return jsonError(401, "unauthorized", "Sign in first: a re-proof confirms a sign-in.");
  return json(await authenticationOptions(browser.user.id));
}

const authenticationAnswer = z
  .object({ ceremonyId: ceremonyIdSchema, response: authenticationResponseSchema })
  .strict();

export async function finishAuthentication(request: Request): Promise<Response> {
  const body = await readJsonBody(request, authenticationAnswer);
  if (!body.ok) return body.response;
  const context = contextFrom(request.headers);
  const result = await verifyAuthentication(body.data, context);
  if (!result.ok) return refused(result);
  const { user, provenance } = result;
  if (!result.reproof) {
    await startSession(user, provenance, context);
    return json({ user, signedIn: true });
  }
  // A re-proof: new credentials for this browser carry it; a copy of the old ones doesn't.
  const browser = await thisBrowser();
  if (browser.state !== "signed-in" || browser.user.id !== user.id)
    return jsonError(409, "conflict", "This browser is no longer signed in as that person.");
  await reissueThisBrowser(browser, provenance, context);
  await recordEvent({
    type: "account.reproved",
    strategy: "account",
    userId: user.id,
    context,
    detail: { method: "passkey" },
  });
  return json({ user, reproved: true });
}
