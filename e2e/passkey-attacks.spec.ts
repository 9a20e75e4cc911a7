import type { Page } from "@playwright/test";
import {
  addVirtualAuthenticator,
  answerWithPasskey,
  captureRequestBody,
  createAccountWithPasskey,
} from "./support/passkeys";
import { expect, expectError, MAIN_URL, test } from "./fixtures";

// The passkey attacks in a visitor's own browser, with Chromium's virtual authenticator as their
// passkey: the lab's "With your own passkey" runs, a phishing page on another origin relaying a
// real challenge, and a clone of the authenticator (its private key copied, its counter behind).

async function signedInWithAPasskey(page: Page) {
  const authenticator = await addVirtualAuthenticator(page);
  await createAccountWithPasskey(page);
  return authenticator;
}

/** Runs the attack `name` in this browser and waits for its verdict. */
async function runYours(page: Page, name: string, button: string) {
  const yours = page.getByTestId(`experiment-${name}`).getByTestId("your-passkey");
  await yours.getByRole("button", { name: button }).click();
  const result = yours.getByTestId("result");
  await expect(result).toBeFocused();
  return result;
}

test("the lab runs each passkey attack with the visitor's own passkey, to a verdict read from the answers", async ({
  page,
}) => {
  await signedInWithAPasskey(page);
  await page.goto("/lab#passkeys");

  const phishing = await runYours(
    page,
    "passkey-phishing",
    "Ask my browser for another site's passkey",
  );
  await expect(phishing).toHaveAttribute("data-outcome", "refused");
  await expect(phishing.getByTestId("verdict-reason")).toContainText("SecurityError");

  const forged = await runYours(page, "passkey-forged", "Forge my passkey's signature");
  await expect(forged).toHaveAttribute("data-outcome", "refused");
  await expect(forged.getByTestId("verdict-reason")).toContainText(
    "the forged signature: 401 unauthorized",
  );
  await expect(forged.getByTestId("verdict-reason")).toContainText("challenge used: 400");
  await expect(forged.getByTestId("result-events")).toContainText("session: passkey.failed");

  // The virtual authenticator skips user verification when the page says it may (UV=0).
  const uv = await runYours(page, "passkey-uv", "Ask without user verification");
  await expect(uv).toHaveAttribute("data-outcome", "refused");
  await expect(uv.getByTestId("verdict-reason")).toContainText("UV=0");

  const replay = await runYours(page, "passkey-replay", "Replay my passkey's answer");
  await expect(replay).toHaveAttribute("data-outcome", "refused");
  await expect(replay.getByTestId("verdict-reason")).toContainText("400 bad_request");

  const counter = await runYours(page, "passkey-clone", "Read my passkey's counter");
  await expect(counter).toHaveAttribute("data-outcome", "shown");
  await expect(counter.getByTestId("verdict-headline")).toHaveText(
    /^Your passkey's counter is \d+$/,
  );

  // The passkey row keeps the flags of the last sign-in: verified (the UV=0 answer was refused).
  await expect(page.getByTestId("lab-passkey")).toContainText(
    "Flags (last sign-in)UP=1 UV=1 BE=0 BS=0 (device-bound)",
  );
});

test("a phishing page on another origin relays a real challenge: the browser signs for it, the server refuses the origin", async ({
  page,
}) => {
  await signedInWithAPasskey(page);
  // The attacker's server fetches a challenge from the real site (as any client can) …
  const options = await page.request.post("/api/passkey/authenticate/options", {
    headers: { origin: MAIN_URL },
    data: { purpose: "sign-in" },
  });
  const { ceremonyId, options: publicKey } = (await options.json()) as {
    ceremonyId: string;
    options: PublicKeyCredentialRequestOptionsJSON;
  };
  // … and its page, on another port of the same host (so the browser lets it use RP ID
  // localhost), asks the visitor's passkey to sign it.
  const phishing = "http://localhost:3199/";
  await page.route(phishing, (route) =>
    route.fulfill({ contentType: "text/html", body: "<h1>Sign in to Auth Lab</h1>" }),
  );
  await page.goto(phishing);
  const response = await answerWithPasskey(page, publicKey);
  const relayed = await page.request.post(`${MAIN_URL}/api/passkey/authenticate/verify`, {
    headers: { origin: MAIN_URL },
    data: { ceremonyId, response },
  });
  await expectError(relayed, 401, "unauthorized", /origin "http:\/\/localhost:3199"/);
});

test("a clone of the authenticator, its counter behind the original's, is refused at sign-in", async ({
  page,
  browser,
}) => {
  const authenticator = await signedInWithAPasskey(page);
  // The copy is taken now; the original then signs in once more, so the copy falls behind.
  const [copy] = await authenticator.credentials();
  if (!copy) throw new Error("the virtual authenticator holds no passkey");
  const signedIn = captureRequestBody(page, "/api/passkey/authenticate/verify");
  await page.goto("/passkey?next=/passkey/manage");
  await expect(page).toHaveURL(/\/passkey\/manage$/);
  await signedIn;

  // The thief's browser, its authenticator holding the copy.
  const context = await browser.newContext({ baseURL: MAIN_URL });
  const thief = await context.newPage();
  await (await addVirtualAuthenticator(thief)).addCredential(copy);
  const refused = thief.waitForResponse((response) =>
    response.url().endsWith("/api/passkey/authenticate/verify"),
  );
  await thief.goto("/passkey");
  expect((await refused).status()).toBe(401);
  await expect(thief.getByTestId("passkey-problem")).toContainText(/counter/i);
  await expect(thief).toHaveURL(/\/passkey$/);
  await context.close();
});
