import type { Page } from "@playwright/test";
import {
  completeAtProviderOverHttp,
  expect,
  type Identity,
  IDP_URL,
  newIdentity,
  type Provider,
  signInThroughProvider,
  submitWithoutJavaScript,
  STRATEGIES,
  test,
} from "./fixtures";

// The OAuth flow made visible: the step log of the last sign-in (authorization request with
// state, PKCE and nonce; callback; code exchange; the ID token's check), the ID token next to
// the access token, and single sign-on: the provider remembers you after Auth Lab forgets you,
// until you sign out there too.

const steps = (page: Page) => page.getByTestId("flow-log").getByTestId("flow-step");
const step = (page: Page, title: string) =>
  steps(page).and(page.locator(`[data-title="${title}"]`));
const field = (page: Page, title: string, name: string) =>
  step(page, title).locator(`[data-field="${name}"]`);

/** A new identity signs in through the provider's screens and lands on the account page. */
async function signInToAccountPage(page: Page, provider: "Google" | "GitHub"): Promise<Identity> {
  const identity = newIdentity();
  await signInThroughProvider(page, provider, identity);
  await expect(page).toHaveURL(/\/oauth\/account$/);
  return identity;
}

/**
 * The same sign-in over HTTP, with this browser's cookies: the login page's form sent as a browser
 * without JavaScript sends it (its server action starts the step log), then the provider's forms;
 * then the account page. For the tests about what that page shows, not about the screens.
 */
async function openAccountPageSignedIn(page: Page, provider: Provider): Promise<Identity> {
  const identity = newIdentity();
  const started = await submitWithoutJavaScript(
    page,
    STRATEGIES.oauth.loginPath,
    (form) => form.includes(`value="${provider}"`),
    {},
  );
  expect(started.status()).toBe(303);
  const ended = new URL(
    await completeAtProviderOverHttp(page, started.headers()["location"] ?? "", identity),
  );
  expect(ended.pathname).toBe("/oauth/account");
  await page.goto(ended.href);
  return identity;
}

test("the sign-in log shows each step of a Google sign-in, with its secrets cut short", async ({
  page,
}) => {
  await openAccountPageSignedIn(page, "google");

  await expect(steps(page).first()).toHaveAttribute("data-title", "Authorization request");
  await expect(field(page, "Authorization request", "code_challenge_method")).toContainText("S256");
  await expect(field(page, "Authorization request", "response_type")).toContainText("code");
  for (const secret of ["state", "nonce"])
    await expect(field(page, "Authorization request", secret)).toContainText(/…\(\d+ chars\)/);
  await expect(field(page, "Authorization request", "code_challenge")).toContainText(/[\w-]{43}/);

  await expect(field(page, "Callback", "code")).toContainText(/…\(\d+ chars\)/);
  await expect(field(page, "Code exchange", "grant_type")).toContainText("authorization_code");
  await expect(field(page, "Code exchange", "code_verifier")).toContainText(/…\(\d+ chars\)/);
  await expect(step(page, "Code exchange")).toContainText("Answer: 200");
  await expect(field(page, "Code exchange", "id_token")).toContainText(/…\(\d+ chars\)/);
  await expect(field(page, "ID token checked", "signature")).toContainText("valid (RS256");
  await expect(field(page, "ID token checked", "aud")).toContainText("auth-lab");
  await expect(steps(page).last()).toHaveAttribute("data-title", "Signed in");
  await expect(page.getByTestId("flow-outcome")).toContainText("Signed in");
  // The first sign-in at this provider: it asked who we are, so no single sign-on.
  await expect(page.getByTestId("sso-note")).toHaveCount(0);
});

test("the ID token is shown decoded and checked, next to the access token it is not", async ({
  page,
}) => {
  const identity = await openAccountPageSignedIn(page, "google");

  await expect(page.getByTestId("id-token-signature")).toHaveAttribute("data-valid", "true");
  const viewer = page.locator('[data-testid="token-viewer"][data-source="id-token"]');
  const payload = viewer.getByTestId("token-payload");
  for (const claim of ["iss", "aud", "sub", "nonce", "exp", "iat", "auth_time"])
    await expect(payload.locator(`[data-claim="${claim}"]`)).toBeVisible();
  await expect(payload.locator('[data-claim="iss"]')).toContainText(`${IDP_URL}/google`);
  await expect(payload.locator('[data-claim="email"]')).toContainText(identity.email);
  await expect(viewer.getByTestId("token-header").locator('[data-claim="alg"]')).toContainText(
    "RS256",
  );
  await expect(page.getByTestId("provider-access-token")).toContainText(
    "scope openid email profile",
  );

  // Editing the payload breaks the provider's signature: the server says so, and signs nothing.
  await viewer.getByText("Try changing it").click();
  const editor = viewer.getByLabel("Payload (JSON)");
  const original = await editor.inputValue();
  await editor.fill(original.replace(identity.email, "someone-else@e2e.authlab.test"));
  await expect(viewer.getByTestId("token-edit-verdict")).toHaveAttribute("data-valid", "false");
  await expect(viewer.getByTestId("token-edit-verdict")).toContainText("you changed email");
  await viewer.getByRole("button", { name: "Undo my changes" }).click();
  await expect(viewer.getByText("Unchanged: the signature matches")).toBeVisible();
});

test("GitHub has no ID token: the log shows the profile fetched with the access token", async ({
  page,
}) => {
  await openAccountPageSignedIn(page, "github");
  await expect(page.getByTestId("no-id-token")).toBeVisible();
  await expect(step(page, "Profile fetched")).toBeVisible();
  await expect(step(page, "ID token checked")).toHaveCount(0);
  await expect(field(page, "Authorization request", "nonce")).toHaveCount(0);
});

test("the stand-ins' screens: GitHub offers no ID token switch, and each consent names the person", async ({
  page,
}) => {
  const switchLabel = /Test switch: sign my ID token/;
  for (const provider of ["GitHub", "Google"] as const) {
    const identity = newIdentity();
    await page.context().clearCookies(); // each provider asks who you are
    await page.goto(STRATEGIES.oauth.loginPath);
    await page.getByRole("button", { name: new RegExp(`Continue with ${provider}`) }).click();
    await page.waitForURL((url) => url.href.startsWith(IDP_URL));
    // GitHub's OAuth apps get no OpenID Connect ID token: nothing for the switch to sign wrongly.
    await expect(page.getByLabel(switchLabel)).toHaveCount(provider === "GitHub" ? 0 : 1);
    await page.getByLabel("Name").fill(identity.name);
    await page.getByLabel("Email").fill(identity.email);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${identity.name} (${identity.email})`)).toBeVisible();
    await page.getByRole("button", { name: "Deny" }).click();
    await page.waitForURL((url) => !url.href.startsWith(IDP_URL));
  }
});

test("single sign-on: the provider signs you straight back in until you sign out there too, whatever the other provider does", async ({
  page,
}) => {
  await signInToAccountPage(page, "Google");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByTestId("provider-memory")).toContainText("not signed out of Google");

  // A sign-in at the other provider (its own form, its own session) leaves Google's alone.
  await signInToAccountPage(page, "GitHub");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  // Straight back in: no question at the provider, and the ID token's auth_time says why.
  await page.getByRole("button", { name: /Continue with Google/ }).click();
  await expect(page).toHaveURL(/\/oauth\/account$/);
  await expect(page.getByTestId("sso-note")).toContainText("single sign-on");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByRole("link", { name: "Sign out at Google too" }).click();
  await expect(page.getByRole("heading", { name: "Sign out of Google?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(`${STRATEGIES.oauth.loginPath}?signed-out-at=google`);
  await expect(page.getByText("Signed out at Google too")).toBeVisible();

  // Now the provider asks again.
  await page.getByRole("button", { name: /Continue with Google/ }).click();
  await page.waitForURL((url) => url.href.startsWith(IDP_URL));
  await expect(page.getByLabel("Email")).toBeVisible();
});
