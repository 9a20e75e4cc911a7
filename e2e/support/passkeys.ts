import type { Page } from "@playwright/test";

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
