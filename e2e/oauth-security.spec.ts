import { type APIRequestContext, type Page } from "@playwright/test";
import {
  COOKIES,
  cookieValue,
  expect,
  type Identity,
  IDP_URL,
  MAIN_URL,
  newIdentity,
  SHORT_LIVED_URL,
  signInThroughProvider,
  STRATEGIES,
  STRATEGY_LIST,
  test,
} from "./fixtures";

// The OAuth strategy under attack: a tampered state, a replayed callback, open redirects after
// sign-in, pages and APIs with the proxy's redirects switched off, and the local identity
// provider's own guarantees (PKCE, exact redirect URIs, tokens for its API).

const OAUTH_COOKIE = COOKIES.oauthSession;

const GOOGLE_CALLBACK = /\/api\/auth\/callback\/google\?/;
const GOOGLE_CLIENT = {
  client_id: "auth-lab-local-google",
  redirect_uri: `${MAIN_URL}/api/auth/callback/google`,
};

/** The browser came back from the provider to a sign-in error, and holds no Auth.js session. */
async function expectRefused(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/oauth\/(login|error)\?(.*&)?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
  expect(await cookieValue(page, OAUTH_COOKIE)).toBeUndefined();
  expect((await page.request.get("/api/oauth/me")).status()).toBe(401);
}

/**
 * Starts the Google flow and signs in at the provider, then grants consent outside the browser
 * (with its cookies) and returns the redirect back to the app without following it.
 */
async function callbackUrlWithoutFollowing(page: Page, identity: Identity): Promise<URL> {
  await page.goto(STRATEGIES.oauth.loginPath);
  await page.getByRole("button", { name: /Continue with Google/ }).click();
  await page.waitForURL((url) => url.href.startsWith(IDP_URL));
  await page.getByLabel("Name").fill(identity.name);
  await page.getByLabel("Email").fill(identity.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();

  // The consent form posts to <interaction>/confirm; the provider then resumes the authorization.
  const confirmed = await page.request.post(`${page.url()}/confirm`, { maxRedirects: 0 });
  expect(confirmed.status()).toBe(303);
  const resume = new URL(confirmed.headers()["location"] ?? "", page.url());
  const resumed = await page.request.get(resume.href, { maxRedirects: 0 });
  expect(resumed.status()).toBe(303);
  const callback = new URL(resumed.headers()["location"] ?? "");
  expect(callback.href).toMatch(GOOGLE_CALLBACK);
  expect(callback.searchParams.get("code")).toBeTruthy();
  expect(callback.searchParams.get("state")).toBeTruthy();
  return callback;
}

async function expectJson401(request: APIRequestContext, url: string): Promise<void> {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(401);
  expect(response.headers()["content-type"], url).toContain("application/json");
  expect(await response.json(), url).toEqual({
    error: { code: "unauthorized", message: expect.any(String) },
  });
}

test.describe("OAuth callback checks", () => {
  test("a callback whose state was changed is refused and signs nobody in", async ({ page }) => {
    const callback = await callbackUrlWithoutFollowing(page, newIdentity());
    const tampered = new URL(callback);
    tampered.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    await page.goto(tampered.href);
    await expectRefused(page);

    // A state the attacker made up fares no better.
    tampered.searchParams.set("state", "attacker-chosen-state");
    await page.goto(tampered.href);
    await expectRefused(page);

    // The genuine callback still works: it was the changed state that was refused.
    await page.goto(callback.href);
    await expect(page).toHaveURL(/\/oauth\/account$/);
    expect((await page.request.get("/api/oauth/me")).status()).toBe(200);
  });

  test("a recorded callback URL can't be replayed, in another browser or in the same one after sign-out", async ({
    browser,
    baseURL,
    page,
  }) => {
    const identity = newIdentity();
    const recorded = page.waitForRequest(GOOGLE_CALLBACK);
    await signInThroughProvider(page, "Google", identity);
    const callbackUrl = (await recorded).url();
    expect(new URL(callbackUrl).searchParams.get("code")).toBeTruthy();
    await expect(page).toHaveURL(/\/oauth\/account$/);
    expect((await page.request.get("/api/oauth/me")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/oauth\/login\?signed-out=1$/);

    // Someone who got hold of the URL, in their own browser.
    const thief = await browser.newContext({ baseURL });
    const thiefPage = await thief.newPage();
    await thiefPage.goto(callbackUrl);
    await expectRefused(thiefPage);
    await thief.close();

    // The same browser, after signing out.
    await page.goto(callbackUrl);
    await expectRefused(page);
  });
});

test("a path on this site is honoured after a provider sign-in", async ({ baseURL, page }) => {
  await signInThroughProvider(page, "Google", newIdentity(), {
    start: `${STRATEGIES.oauth.loginPath}?next=${encodeURIComponent(STRATEGIES.oauth.notesPath)}`,
  });
  expect(page.url()).toBe(`${baseURL}${STRATEGIES.oauth.notesPath}`);
  await expect(
    page.getByRole("heading", { name: `Notes via ${STRATEGIES.oauth.label}` }),
  ).toBeVisible();
});

const PROTECTED_PAGES = [
  ...STRATEGY_LIST.flatMap(({ protectedPaths, notesPath, loginPath }) =>
    [...protectedPaths, notesPath].map((path) => ({ path, login: loginPath })),
  ),
];
const PROTECTED_APIS = STRATEGY_LIST.flatMap(({ api }) => [`${api}/me`, `${api}/notes`]);

test.describe("strangers, with and without the proxy", () => {
  test("with the proxy's redirects off, pages still send strangers to sign in and APIs answer 401", async ({
    request,
  }) => {
    for (const { path, login } of PROTECTED_PAGES) {
      const response = await request.get(`${SHORT_LIVED_URL}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      const location = new URL(response.headers()["location"] ?? "", SHORT_LIVED_URL);
      expect(location.pathname, path).toBe(login);
      expect(location.searchParams.get("next"), path).toBe(path);
      // The page rendered and redirected itself (the proxy's own redirects carry no body).
      expect(response.headers()["content-type"], path).toContain("text/html");
      expect(await response.text(), path).not.toContain("Sign out");
    }
    for (const path of PROTECTED_APIS) await expectJson401(request, `${SHORT_LIVED_URL}${path}`);
  });

  test("with the proxy on, the proxy itself redirects with ?next=", async ({
    baseURL,
    request,
  }) => {
    for (const { path, login } of PROTECTED_PAGES) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      const location = new URL(response.headers()["location"] ?? "", baseURL);
      expect(location.origin, path).toBe(baseURL);
      expect(location.pathname, path).toBe(login);
      expect(location.searchParams.get("next"), path).toBe(path);
      // Sent away before any page rendered.
      expect(response.headers()["content-type"], path).toBeUndefined();
    }
    for (const path of PROTECTED_APIS) await expectJson401(request, path);
  });
});

test.describe("the local identity provider", () => {
  test("publishes OIDC discovery with S256 PKCE, RS256 and a working JWKS", async ({ request }) => {
    const discovery = await request.get(`${IDP_URL}/google/.well-known/openid-configuration`);
    expect(discovery.status()).toBe(200);
    const config = (await discovery.json()) as {
      issuer: string;
      authorization_endpoint: string;
      jwks_uri: string;
      code_challenge_methods_supported: string[];
      id_token_signing_alg_values_supported: string[];
    };
    expect(config.issuer).toBe(`${IDP_URL}/google`);
    expect(config.code_challenge_methods_supported).toEqual(["S256"]);
    expect(config.id_token_signing_alg_values_supported).toContain("RS256");

    const jwks = await request.get(config.jwks_uri);
    expect(jwks.status()).toBe(200);
    const { keys } = (await jwks.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    // Public keys only.
    for (const key of keys) expect(key).not.toHaveProperty("d");
  });

  test("refuses an authorization request without PKCE, and one for an unregistered redirect URI", async ({
    request,
  }) => {
    const discovery = await request.get(`${IDP_URL}/google/.well-known/openid-configuration`);
    const { authorization_endpoint: endpoint } = (await discovery.json()) as {
      authorization_endpoint: string;
    };
    const authorize = (params: Record<string, string>) =>
      request.get(`${endpoint}?${new URLSearchParams(params)}`, { maxRedirects: 0 });
    const base = {
      ...GOOGLE_CLIENT,
      response_type: "code",
      scope: "openid email profile",
      state: "some-state",
      nonce: "some-nonce",
    };

    // No code_challenge: back to the (registered) client with invalid_request, no code.
    const noPkce = await authorize(base);
    expect(noPkce.status()).toBe(303);
    const location = new URL(noPkce.headers()["location"] ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(GOOGLE_CLIENT.redirect_uri);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("code")).toBeNull();
    expect(location.searchParams.get("state")).toBe("some-state");

    // A redirect URI nobody registered: an error page at the provider, never a redirect there.
    const evil = await authorize({
      ...base,
      redirect_uri: `${MAIN_URL}/evil`,
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    });
    expect(evil.status()).toBe(400);
    expect(evil.headers()["location"]).toBeUndefined();
    expect(await evil.text()).toContain("redirect_uri");
  });

  test("its GitHub API wants a token it issued", async ({ request }) => {
    const anonymous = await request.get(`${IDP_URL}/github/api/v3/user`);
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ message: "Bad credentials" });
    const forged = await request.get(`${IDP_URL}/github/api/v3/user/repos`, {
      headers: { authorization: "Bearer not-a-token-it-issued" },
    });
    expect(forged.status()).toBe(401);
  });
});
