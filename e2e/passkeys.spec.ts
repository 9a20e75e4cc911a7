import type { Page } from "@playwright/test";
import {
  addVirtualAuthenticator,
  captureRequestBody,
  createAccountWithPasskey,
} from "./support/passkeys";
import {
  COOKIES,
  cookieValue,
  expect,
  expectError,
  postBody,
  postFromAnotherSite,
  RECENT_PROOF_URL,
  signInOverHttp,
  test,
  waitUntilProofIsOld,
} from "./fixtures";

// Passkeys end to end with Chromium's virtual authenticator: an account made with one, signing in
// with it (the autofill), adding one to a password account, removing one after a fresh proof,
// and a replayed assertion refused because its challenge was used up.

const sessionPill = (page: Page) => page.getByTestId("status-session");

test("an account made with a passkey signs in again with it, through the autofill; a replay is refused", async ({
  page,
}) => {
  const authenticator = await addVirtualAuthenticator(page);
  const person = await createAccountWithPasskey(page);
  await expect(sessionPill(page)).toContainText(`signed in as ${person.name}`);
  expect(await authenticator.credentials()).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/session\/login$/);
  expect(await cookieValue(page, COOKIES.session)).toBeUndefined();

  // The autofill waits from the page's load; the virtual authenticator picks the passkey itself.
  const answer = captureRequestBody(page, "/api/passkey/authenticate/verify");
  await page.goto("/passkey?next=/passkey/manage");
  await expect(page).toHaveURL(/\/passkey\/manage$/);
  await expect(page.getByTestId("passkey")).toHaveCount(1);
  await expect(page.getByTestId("passkey")).toContainText("First passkey");
  await expect(page.getByTestId("passkey")).not.toContainText("last used never");

  // The same answer again: its challenge was used up by the sign-in.
  const replayed = await page.request.post("/api/passkey/authenticate/verify", {
    data: JSON.parse(await answer) as unknown,
  });
  await expectError(replayed, 400, "bad_request", /expired or was already used/);

  // The passkey proof made just now stands in for a password the account never had.
  await page.goto("/session/password");
  await expect(page.getByTestId("by-passkey")).toBeVisible();
  await page.getByLabel("New password").fill(person.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/^Password changed\./)).toBeVisible();
  await signInOverHttp(page.request, "session", person);
});

test("a password account signed in with JWTs adds a passkey, renames it and removes it", async ({
  jwtUser,
}) => {
  const { page, person } = jwtUser;
  await addVirtualAuthenticator(page);
  await page.goto("/passkey/manage");
  await expect(page.getByText(person.email)).toBeVisible();
  await page.getByLabel("Name for the new passkey").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const passkey = page.getByTestId("passkey");
  await expect(passkey).toContainText("Work laptop");

  await passkey.getByLabel("New name for Work laptop").fill("Home laptop");
  await passkey.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Renamed." })).toBeVisible();
  await expect(passkey).toContainText("Home laptop");

  // The password is still a way in: the passkey can go (the sign-in just now is a recent proof).
  await page.getByRole("button", { name: "Remove Home laptop" }).click();
  await expect(page.getByText(/^Removed\./)).toBeVisible();
  await expect(page.getByTestId("passkey")).toHaveCount(0);
  // Every credential ended with it; this browser was given a new JWT pair.
  await expect(page.getByTestId("status-jwt")).toContainText(`signed in as ${person.name}`);
});

test("every bad answer is a 4xx in the standard shape, and uses its ceremony up", async ({
  request,
}) => {
  const VERIFY = "/api/passkey/authenticate/verify";
  const started = await request.post("/api/passkey/authenticate/options", { data: {} });
  expect(started.status()).toBe(200);
  const { ceremonyId, options } = (await started.json()) as {
    ceremonyId: string;
    options: { challenge: string; rpId: string; allowCredentials: unknown[] };
  };
  // Discoverable credentials for the autofill; the RP ID is APP_URL's host, never an address.
  expect(options).toMatchObject({ rpId: "localhost", allowCredentials: [] });

  await expectError(
    await postBody(request, VERIFY, "{not json", "application/json"),
    400,
    "bad_request",
  );
  await expectError(
    await request.post(VERIFY, { data: { ceremonyId: 5, response: "yes" } }),
    400,
    "bad_request",
  );
  const stranger = Buffer.from("a passkey nobody registered").toString("base64url");
  const forged = {
    ceremonyId,
    response: {
      id: stranger,
      rawId: stranger,
      type: "public-key",
      response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" },
      clientExtensionResults: {},
    },
  };
  await expectError(
    await request.post(VERIFY, { data: forged }),
    401,
    "unauthorized",
    /not registered/,
  );
  await expectError(
    await request.post(VERIFY, { data: forged }),
    400,
    "bad_request",
    /expired or was already used/,
  );
  await expectError(
    await postFromAnotherSite(request, "/api/passkey/authenticate/options", { data: {} }),
    403,
    "forbidden",
  );
  await expectError(
    await request.post("/api/passkey/register/options", { data: { account: "current" } }),
    401,
    "unauthorized",
  );
});

test.describe("after an old sign-in", () => {
  // The recent-proof server counts a proof as recent for RECENT_PROOF_SECONDS only.
  test.use({ baseURL: RECENT_PROOF_URL });

  test("removing a passkey asks for a fresh proof, and the passkey itself gives it", async ({
    page,
  }) => {
    await addVirtualAuthenticator(page);
    await createAccountWithPasskey(page);
    await waitUntilProofIsOld();
    await page.goto("/passkey/manage");
    await page.getByRole("button", { name: "Remove First passkey" }).click();
    await expect(page).toHaveURL(/\/account\/confirm\?action=remove-passkey&passkey=/);
    await expect(page.getByText("remove a passkey")).toBeVisible();
    await page.getByRole("button", { name: "Confirm with a passkey" }).click();
    // Carried on at once: the only way into the account is never removed.
    await expect(page).toHaveURL(/\/passkey\/manage\?problem=last_method$/);
    await expect(page.getByText(/That is your last way to sign in/)).toBeVisible();
    await expect(page.getByText(/last proved who you are with a passkey/)).toBeVisible();
  });
});
