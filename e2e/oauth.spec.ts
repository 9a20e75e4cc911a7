import type { APIRequestContext, Page } from "@playwright/test";
import {
  addAndDeleteNoteThroughPage,
  completeAtProvider,
  confirmAction,
  cookieValue,
  COOKIES,
  CREDENTIAL_COOKIE,
  expect,
  type Identity,
  IDP_URL,
  newIdentity,
  signInThroughProvider,
  signInWithProviderOverHttp,
  STRATEGIES,
  test,
} from "./fixtures";

// The OAuth strategy through the browser: signing in with the local identity provider playing
// Google and GitHub, what the browser holds (an opaque Auth.js cookie, never a provider token),
// the delegated API call, notes, signing out, a denied consent, and linking and unlinking.

const OAUTH_COOKIE = COOKIES.oauthSession;

/** The GitHub login the local IdP derives from an email, as scripts/idp/accounts.ts does. */
const githubLogin = (email: string) =>
  email
    .toLowerCase()
    .split("@")[0]!
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 39);

const oauthStatus = (page: Page) =>
  page.getByRole("region", { name: "Sign-in status" }).getByTestId("status-oauth");

const linkedAccounts = (page: Page) => page.getByTestId("linked-account");

/** The account page lists one linked provider account, of this provider. */
async function expectOnlyLinked(page: Page, provider: "Google" | "GitHub"): Promise<void> {
  await expect(linkedAccounts(page)).toHaveCount(1);
  await expect(linkedAccounts(page).getByText(provider, { exact: true })).toBeVisible();
}

async function expectOnAccountPage(page: Page, identity: Identity): Promise<void> {
  await expect(page).toHaveURL(/\/oauth\/account(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "Signed in with a provider" })).toBeVisible();
  await expect(oauthStatus(page)).toContainText(`signed in as ${identity.name}`);
}

/** The account page after a first sign-in with `provider`: who, and that one account is linked. */
async function expectFirstSignIn(
  page: Page,
  identity: Identity,
  provider: "Google" | "GitHub",
): Promise<void> {
  await expectOnAccountPage(page, identity);
  await expect(page.getByText(`${identity.name} · ${identity.email}`)).toBeVisible();
  await expectOnlyLinked(page, provider);
}

async function openAccountPage(page: Page, identity: Identity): Promise<void> {
  await page.goto(STRATEGIES.oauth.protectedPaths[0]);
  await expectOnAccountPage(page, identity);
}

async function sessionToken(page: Page): Promise<string> {
  const token = await cookieValue(page, OAUTH_COOKIE);
  expect(token, "the browser holds an Auth.js session cookie").toBeTruthy();
  return token ?? "";
}

/** GET /api/oauth/me with exactly this cookie value, from a client that holds nothing else. */
async function meStatus(request: APIRequestContext, token: string): Promise<number> {
  const response = await request.get("/api/oauth/me", {
    headers: { cookie: `${OAUTH_COOKIE}=${token}` },
  });
  return response.status();
}

/** The Auth.js cookie is opaque and script can't read it; no provider token reaches the page. */
async function expectNoTokensInBrowser(page: Page): Promise<void> {
  const cookie = (await page.context().cookies()).find(
    (candidate) => candidate.name === OAUTH_COOKIE,
  );
  expect(cookie).toMatchObject(CREDENTIAL_COOKIE);
  expect(cookie?.value).not.toMatch(/^eyJ/);
  const visibleToScript = await page.evaluate(() => document.cookie);
  expect(visibleToScript).not.toContain(OAUTH_COOKIE);
  expect(visibleToScript).not.toContain(cookie?.value ?? "no cookie");

  // Neither the rendered DOM nor the HTML (with its RSC payload) as the server sends it.
  const rendered = await page.content();
  const served = await (await page.request.get(STRATEGIES.oauth.protectedPaths[0])).text();
  for (const [what, html] of Object.entries({ rendered, served })) {
    expect(html, what).toContain("Signed in with a provider");
    // The ID token is shown decoded, but never whole: its signature is cut to a few characters.
    expect(html, what).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{12,}/);
  }
  // The sign-in log names the provider's tokens and secrets, and shows each one cut short.
  for (const name of ["access_token", "id_token", "code", "code_verifier", "state", "nonce"]) {
    for (const value of await page
      .getByTestId("flow-log")
      .locator(`[data-field="${name}"] dd.font-mono`)
      .allTextContents())
      expect(value, name).toMatch(/^.{0,6}…\(\d+ chars\)$/);
  }
}

test.describe("OAuth in the browser", () => {
  test("signs in with Google: account page, scopes, the delegated call, an opaque HttpOnly cookie and no tokens in the page", async ({
    page,
  }) => {
    const identity = newIdentity();
    await signInThroughProvider(page, "Google", identity);
    await expectFirstSignIn(page, identity, "Google");
    const linked = linkedAccounts(page);
    await expect(linked).toContainText("Granted scopes: openid email profile");
    await expect(linked).toContainText("Access token: held by the server");

    // The server called the provider's userinfo endpoint with the stored token.
    const delegated = page.getByTestId("delegated-google");
    await expect(delegated).toContainText(`GET ${IDP_URL}/google/me`);
    const userinfo = JSON.parse((await delegated.locator("pre").textContent()) ?? "null");
    expect(userinfo).toMatchObject({ email: identity.email, name: identity.name });

    await expect(page.getByTestId("oauth-session")).toHaveCount(1);
    await expect(page.getByTestId("oauth-session")).toContainText("this browser");
    await expectNoTokensInBrowser(page);

    const me = await page.request.get("/api/oauth/me");
    expect(me.status()).toBe(200);
    expect(me.headers()["x-auth-strategy"]).toBe("oauth");
    expect(await me.json()).toEqual({
      strategy: "oauth",
      user: { id: expect.any(String), email: identity.email, name: identity.name },
    });
  });

  test("signs in with GitHub: the delegated call lists the identity's repositories", async ({
    page,
  }) => {
    const identity = newIdentity();
    await signInWithProviderOverHttp(page, "github", identity);
    await page.goto(STRATEGIES.oauth.protectedPaths[0]);
    // GitHub hides the email in /user; Auth.js found it through /user/emails.
    await expectFirstSignIn(page, identity, "GitHub");
    await expect(linkedAccounts(page)).toContainText(
      /Granted scopes: (read:user user:email|user:email read:user)/,
    );

    const delegated = page.getByTestId("delegated-github");
    await expect(delegated).toContainText(`GET ${IDP_URL}/github/api/v3/user/repos`);
    const repos = JSON.parse((await delegated.locator("pre").textContent()) ?? "null") as {
      full_name: string;
    }[];
    const login = githubLogin(identity.email);
    expect(repos.length).toBeGreaterThan(0);
    for (const repo of repos)
      expect(repo.full_name.startsWith(`${login}/`), repo.full_name).toBe(true);

    await expectNoTokensInBrowser(page);
  });

  test("notes through OAuth: the page, and the API with the same cookie", async ({
    oauthUser: { page, identity },
  }) => {
    await openAccountPage(page, identity);
    await page.getByRole("link", { name: "Open your notes through this strategy" }).click();
    await expect(page).toHaveURL(/\/notes\?via=oauth$/);
    await expect(
      page.getByRole("heading", { name: `Notes via ${STRATEGIES.oauth.label}` }),
    ).toBeVisible();
    await expect(page.getByText("No notes yet.")).toBeVisible();
    const body = `Delegate wisely ${crypto.randomUUID().slice(0, 8)}`;
    await addAndDeleteNoteThroughPage(page, body, "oauth");
  });

  test("signing out ends the session: the old cookie is refused afterwards", async ({
    oauthUser: { page, identity },
    request,
  }) => {
    await openAccountPage(page, identity);
    const token = await sessionToken(page);
    expect(await meStatus(request, token)).toBe(200);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/oauth\/login\?signed-out=1$/);
    await expect(
      page.getByRole("heading", { name: "Sign in with Google or GitHub" }),
    ).toBeVisible();
    await expect(oauthStatus(page)).toContainText("signed out");
    expect(await cookieValue(page, OAUTH_COOKIE)).toBeUndefined();

    // Someone who copied the cookie before the sign-out gets nothing: the row is gone.
    expect(await meStatus(request, token)).toBe(401);
    const account = await request.get(STRATEGIES.oauth.protectedPaths[0], {
      headers: { cookie: `${OAUTH_COOKIE}=${token}` },
      maxRedirects: 0,
    });
    expect(account.status()).toBe(307);
    expect(account.headers()["location"]).toContain(STRATEGIES.oauth.loginPath);
  });

  test("“Sign out everywhere” ends the Auth.js sessions of every browser", async ({
    newBrowser,
    oauthUser: { page, identity },
    request,
  }) => {
    const mine = await sessionToken(page);

    const { context: otherContext, page: otherPage } = await newBrowser();
    await signInWithProviderOverHttp(otherPage, "google", identity);
    const theirs = await sessionToken(otherPage);
    expect(theirs).not.toBe(mine);
    expect(await meStatus(request, theirs)).toBe(200);

    // Same person, same provider account: one linked account, two sessions.
    await openAccountPage(page, identity);
    await expect(linkedAccounts(page)).toHaveCount(1);
    const sessions = page.getByTestId("oauth-session");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: "this browser" })).toHaveCount(1);

    await confirmAction(page, "Sign out everywhere", "Yes, end every provider session");
    await expect(page).toHaveURL(/\/oauth\/login\?signed-out=1$/);
    await expect(oauthStatus(page)).toContainText("signed out");
    expect(await cookieValue(page, OAUTH_COOKIE)).toBeUndefined();

    expect(await meStatus(request, mine)).toBe(401);
    expect(await meStatus(request, theirs)).toBe(401);
    // The other browser still holds its cookie, which now opens nothing.
    expect((await otherContext.request.get("/api/oauth/me")).status()).toBe(401);
    await otherPage.goto(STRATEGIES.oauth.protectedPaths[0]);
    await expect(otherPage).toHaveURL(/\/oauth\/login\?next=/);
    await expect(oauthStatus(otherPage)).toContainText("signed out");
  });

  test("denying consent at the provider comes back to “Access denied”, signed out", async ({
    page,
  }) => {
    await signInThroughProvider(page, "Google", newIdentity(), { consent: "Deny" });
    await expect(page).toHaveURL(/\/oauth\/login\?error=AccessDenied$/);
    const alert = page.getByRole("alert").filter({ hasText: "Access denied" });
    await expect(alert.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await expect(alert).toContainText("Nothing was stored.");
    expect(await cookieValue(page, OAUTH_COOKIE)).toBeUndefined();
    await expect(oauthStatus(page)).toContainText("signed out");
    expect((await page.request.get("/api/oauth/me")).status()).toBe(401);
  });

  test("links GitHub to a Google sign-in, unlinks it, and refuses to unlink the only way in", async ({
    oauthUser: { page, identity },
  }) => {
    await openAccountPage(page, identity);
    await expect(linkedAccounts(page)).toHaveCount(1);

    // A sign-in just made is the proof a link needs: "Link GitHub" starts a single-use link.
    await page.getByRole("button", { name: "Link GitHub" }).click();
    await completeAtProvider(page, identity);
    await expect(page).toHaveURL(/\/oauth\/account\?linked=github$/);
    await expect(page.getByText("GitHub is linked")).toBeVisible();
    await expectOnAccountPage(page, identity);
    const linked = linkedAccounts(page);
    await expect(linked).toHaveCount(2);
    await expect(linked.filter({ hasText: "Google" })).toHaveCount(1);
    await expect(linked.filter({ hasText: "GitHub" })).toHaveCount(1);
    await expect(page.getByTestId("delegated-github")).toContainText(
      `${githubLogin(identity.email)}/`,
    );
    await expect(page.getByTestId("delegated-google")).toContainText(identity.email);
    // Nothing left to link.
    await expect(page.getByRole("heading", { name: "Link another provider" })).toHaveCount(0);

    await confirmAction(page, "Unlink GitHub", "Yes, unlink GitHub");
    await expect(page).toHaveURL(/\/oauth\/account\?unlinked=github$/);
    await expectOnlyLinked(page, "Google");
    await expect(page.getByTestId("delegated-github")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Link GitHub/ })).toBeVisible();

    // Google is now the only way in (no password): it stays.
    await confirmAction(page, "Unlink Google", "Yes, unlink Google");
    await expect(page).toHaveURL(/\/oauth\/account\?unlink=last_method$/);
    await expect(page.getByTestId("account-activity")).toContainText("github unlinked");
    await expect(
      page.getByRole("alert").filter({ hasText: "That is your only way to sign in" }),
    ).toBeVisible();
    await expectOnlyLinked(page, "Google");
    expect((await page.request.get("/api/oauth/me")).status()).toBe(200);
  });
});
