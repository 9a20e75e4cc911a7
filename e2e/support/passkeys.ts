import { expect, type Page } from "@playwright/test";
import { newPerson } from "./people";

// Chromium's virtual authenticator, driven over CDP: a platform authenticator with discoverable
// credentials and user verification that answers by itself (no one to touch it), so registration,
// sign-in and the autofill (conditional UI) run headless. WebAuthn needs the page on `localhost`
// (an IP address is not a valid RP ID): the servers' APP_URL is http://localhost:<port>.

export async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  /** The passkeys it holds (one per registration), private keys and counters included. */
  const credentials = async () =>
    (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  return {
    credentials,
    /** Puts a copy of another authenticator's passkey in this one: a clone. */
    addCredential: async (credential: Awaited<ReturnType<typeof credentials>>[number]) => {
      await cdp.send("WebAuthn.addCredential", { authenticatorId, credential });
    },
  };
}

/** Captures the JSON body the page sends to `path` (the first such request from now on). */
export function captureRequestBody(page: Page, path: string): Promise<string> {
  return page
    .waitForRequest((request) => new URL(request.url()).pathname === path)
    .then((request) => request.postData() ?? "");
}

/**
 * A new account made with a passkey on the /passkey page, as a visitor makes one: the browser is
 * signed in with it (the session strategy) and holds it in `page`'s virtual authenticator.
 */
export async function createAccountWithPasskey(page: Page) {
  const person = newPerson();
  await page.goto("/passkey");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Your email").fill(person.email);
  await page.getByRole("button", { name: "Create an account with a passkey" }).click();
  await expect(page).toHaveURL(/\/session$/);
  return person;
}

/** This page's passkey answers `options` (as the server sent them): the assertion, as JSON. */
export function answerWithPasskey(page: Page, options: PublicKeyCredentialRequestOptionsJSON) {
  return page.evaluate(async (json) => {
    const credential = (await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json),
    })) as PublicKeyCredential;
    return credential.toJSON();
  }, options);
}
