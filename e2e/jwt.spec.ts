import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import {
  addAndDeleteNoteThroughPage,
  accessTokenOf,
  type ApiError,
  bearer,
  changePasswordThroughForm,
  claimsOf,
  confirmAction,
  cookieValue,
  COOKIES,
  CREDENTIAL_COOKIE,
  expect,
  JWT_REFRESH_PATH,
  meWithBearer,
  type NewBrowser,
  newPerson,
  postFromAnotherSite,
  type Person,
  refreshTokenOf,
  refreshWith,
  signInOverHttp,
  signInThroughForm,
  STRATEGIES,
  submitSignInForm,
  test,
} from "./fixtures";

// The JWT strategy through the browser: the sign-in form, the two HttpOnly cookies, the notes
// page, the tokens page, and every way a token pair ends (sign-out, sign out everywhere, revoking
// a family, refresh-token reuse, a password change).

const REFRESH_PATH = JWT_REFRESH_PATH;

const jwtStatus = (page: Page) =>
  page.getByRole("region", { name: "Sign-in status" }).getByTestId("status-jwt");

/** The checked verifier refuses the token as revoked (signature fine, but ended server-side). */
async function expectRevoked(request: APIRequestContext, token: string): Promise<void> {
  const me = await meWithBearer(request, token);
  expect(me.status()).toBe(401);
  expect(await me.json()).toEqual({
    error: { code: "invalid_token", message: expect.stringContaining("revoked") },
  });
}

/** A sign-in URL that sends the browser on to `next` (JWT pages don't encode it, notes does). */
const isSignInFor = (url: URL, next: string | null) =>
  url.pathname === STRATEGIES.jwt.loginPath && url.searchParams.get("next") === next;

/** The page shows the JWT sign-in form, which will send it on to `next`. */
async function expectOnSignIn(page: Page, next: string | null): Promise<void> {
  await expect(page).toHaveURL((url) => isSignInFor(url, next));
  await expect(page.getByRole("heading", { name: "Sign in with JWT" })).toBeVisible();
}

/** The browser's next request for a JWT page is sent to sign in. */
async function expectSentToSignIn(context: BrowserContext, path: string): Promise<void> {
  const response = await context.request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(307);
  const location = new URL(response.headers()["location"] ?? "", "http://localhost");
  expect(isSignInFor(location, path), `${path} → ${location.href}`).toBe(true);
}

/** Another browser of the same person, signed in with JWT over HTTP. */
async function jwtElsewhere(
  newBrowser: NewBrowser,
  person: Person,
): Promise<{ context: BrowserContext; page: Page }> {
  const other = await newBrowser();
  await signInOverHttp(other.page, "jwt", person);
  return other;
}

/** Signs in again through the form a signed-out JWT page sent this browser to. */
async function signInAgain(page: Page, person: Pick<Person, "email" | "password">) {
  await expect(page).toHaveURL(/\/jwt\/login(\?|$)/);
  await expect(page.getByRole("heading", { name: "Sign in with JWT" })).toBeVisible();
  await submitSignInForm(page, person);
}

test.describe("JWT in the browser", () => {
  test("signs in through the form into two HttpOnly cookies, shows the decoded token, and works with notes", async ({
    page,
    person,
  }) => {
    await signInThroughForm(page, "jwt", person);
    await expect(page).toHaveURL(/\/jwt$/);
    await expect(jwtStatus(page)).toContainText(`signed in as ${person.name}`);
    await expect(page.getByText(person.email)).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Your access token, taken apart" }),
    ).toBeVisible();
    await expect(page.getByTestId("countdown")).toHaveText(/^1[45] min \d+ s$/);

    const cookies = await page.context().cookies();
    const access = cookies.find((cookie) => cookie.name === COOKIES.jwtAccess);
    const refresh = cookies.find((cookie) => cookie.name === COOKIES.jwtRefresh);
    expect(access).toMatchObject(CREDENTIAL_COOKIE);
    // Only ever sent to the refresh endpoint.
    expect(refresh).toMatchObject({
      path: REFRESH_PATH,
      httpOnly: true,
      sameSite: "Lax",
      secure: false,
    });
    expect(access?.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(refresh?.value).not.toContain(".");
    // Page script can read neither.
    const visibleToScript = await page.evaluate(() => document.cookie);
    expect(visibleToScript).not.toContain(COOKIES.jwtAccess);
    expect(visibleToScript).not.toContain(COOKIES.jwtRefresh);
    expect(visibleToScript).not.toContain(access?.value ?? "no access token");

    // The cookie alone authenticates the API, too.
    const me = await page.request.get("/api/jwt/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      strategy: "jwt",
      verifier: "checked",
      transport: "cookie",
      user: { email: person.email, name: person.name },
    });

    await page
      .getByRole("navigation", { name: "JWT pages" })
      .getByRole("link", { name: /Notes/ })
      .click();
    await expect(page).toHaveURL(/\/notes\?via=jwt$/);
    await expect(
      page.getByRole("heading", { name: `Notes via ${STRATEGIES.jwt.label}` }),
    ).toBeVisible();
    await expect(page.getByText("No notes yet.")).toBeVisible();

    const body = `Rotate the keys ${crypto.randomUUID().slice(0, 8)}`;
    await addAndDeleteNoteThroughPage(page, body, "jwt");
  });

  test("the tokens page shows this sign-in's family; revoking it signs this browser out", async ({
    jwtUser: { page, person },
    request,
  }) => {
    const token = await accessTokenOf(page);

    await page.goto("/jwt/tokens");
    await expect(page.getByRole("heading", { name: "Your tokens" })).toBeVisible();
    const families = page.getByTestId("family");
    await expect(families).toHaveCount(1);
    const family = families.first();
    await expect(family).toHaveAttribute("data-state", "active");
    await expect(family.getByTestId("family-status")).toHaveText("active");
    await expect(family).toContainText("This browser");
    await expect(family.getByTestId("chain-link")).toHaveCount(1);
    await expect(family.getByTestId("chain-link")).toHaveAttribute("data-state", "live");

    await family.getByRole("button", { name: /^Revoke this family/ }).click();
    // The page re-renders with the family revoked, which signs this very browser out.
    await expectOnSignIn(page, "/jwt/tokens");
    await expect(jwtStatus(page)).toContainText("signed out");
    await expectRevoked(request, token);
    await expectSentToSignIn(page.context(), STRATEGIES.jwt.href);
    const refresh = await page.request.post(REFRESH_PATH);
    expect(refresh.status()).toBe(401);
    expect(((await refresh.json()) as ApiError).error.code).toBe("invalid_token");

    // Signed in again, the old family is listed as revoked, its chain struck through.
    await signInAgain(page, person);
    await expect(page).toHaveURL(/\/jwt\/tokens$/);
    await expect(families).toHaveCount(2);
    const revoked = families.filter({ hasNotText: "This browser" });
    await expect(revoked).toHaveAttribute("data-state", "revoked");
    await expect(revoked.getByTestId("family-status")).toHaveText("revoked: revoked by you");
    await expect(revoked.getByTestId("chain-link")).toHaveAttribute("data-state", "revoked");
    await expect(revoked.getByRole("button", { name: /^Revoke this family/ })).toHaveCount(0);
    await expect(families.filter({ hasText: "This browser" })).toHaveAttribute(
      "data-state",
      "active",
    );
  });

  test("“Sign out” ends the pair for the app, but a copied access token still passes a stateless verifier until it expires", async ({
    jwtUser: { page },
    request,
  }) => {
    await page.goto(STRATEGIES.jwt.href);
    const copied = await accessTokenOf(page);
    const copiedRefresh = await refreshTokenOf(page);
    expect((await meWithBearer(request, copied)).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expectOnSignIn(page, null);
    await expect(jwtStatus(page)).toContainText("signed out");
    expect(await cookieValue(page, COOKIES.jwtAccess)).toBeUndefined();
    expect(await cookieValue(page, COOKIES.jwtRefresh)).toBeUndefined();

    // The app's checked verifier knows the token is signed out…
    await expectRevoked(request, copied);
    const refresh = await refreshWith(request, copiedRefresh);
    expect(refresh.status()).toBe(401);
    expect(((await refresh.json()) as ApiError).error.code).toBe("invalid_token");

    // …a service that holds only the public keys does not.
    const downstream = await request.get("/api/downstream/profile", { headers: bearer(copied) });
    expect(downstream.status()).toBe(200);
    const profile = (await downstream.json()) as { service: string; subject: string };
    expect(profile).toMatchObject({ service: "downstream", subject: expect.any(String) });
    expect(profile.subject).toBe(claimsOf(copied).sub);
  });

  test("“Sign out everywhere” ends the tokens of every browser", async ({
    newBrowser,
    jwtUser: { page, person },
    request,
  }) => {
    await page.goto(STRATEGIES.jwt.href);
    const mine = await accessTokenOf(page);
    const other = await jwtElsewhere(newBrowser, person);
    const theirs = await accessTokenOf(other.page);
    expect((await meWithBearer(request, theirs)).status()).toBe(200);

    await confirmAction(page, "Sign out everywhere", "Yes, revoke every JWT sign-in");
    await expectOnSignIn(page, null);
    await expect(jwtStatus(page)).toContainText("signed out");

    await expectRevoked(request, mine);
    await expectRevoked(request, theirs);
    await expectSentToSignIn(other.context, STRATEGIES.jwt.href);
    await expectSentToSignIn(other.context, STRATEGIES.jwt.notesPath);
    // The other browser can't refresh its way back in either; the refusal clears its cookies.
    const refresh = await other.context.request.post(REFRESH_PATH);
    expect(refresh.status()).toBe(401);
    expect(await refresh.json()).toEqual({
      error: { code: "invalid_token", message: expect.stringContaining("revoked") },
    });
    expect(await cookieValue(other.page, COOKIES.jwtAccess)).toBeUndefined();
    await other.page.goto(STRATEGIES.jwt.href);
    await expectOnSignIn(other.page, STRATEGIES.jwt.href);
    await expect(jwtStatus(other.page)).toContainText("signed out");
  });

  test("presenting a refresh token that was already rotated revokes the whole family", async ({
    jwtUser: { page, person },
    request,
  }) => {
    const grandparent = await refreshTokenOf(page);

    // Two rotations with the browser's own cookies: the grandparent's successor is used, too.
    for (const round of [1, 2]) {
      const rotated = await page.request.post(REFRESH_PATH);
      expect(rotated.status(), `rotation ${round}`).toBe(200);
      expect(await rotated.json()).toEqual({ token_type: "Bearer", expires_in: 900 });
    }
    const current = await accessTokenOf(page);
    expect(await refreshTokenOf(page)).not.toBe(grandparent);
    expect((await page.request.get("/api/jwt/me")).status()).toBe(200);

    // Someone who copied the first refresh token presents it: not a race, a theft.
    const stolen = await refreshWith(request, grandparent);
    expect(stolen.status()).toBe(401);
    expect(await stolen.json()).toEqual({
      error: { code: "invalid_token", message: expect.stringContaining("reuse detected") },
    });

    // The browser's own, newest tokens die with the family.
    await expectRevoked(request, current);
    const me = await page.request.get("/api/jwt/me");
    expect(me.status()).toBe(401);
    await page.goto(STRATEGIES.jwt.href);
    await expectOnSignIn(page, STRATEGIES.jwt.href);
    await expect(jwtStatus(page)).toContainText("signed out");
    const refresh = await page.request.post(REFRESH_PATH);
    expect(refresh.status()).toBe(401);

    await signInAgain(page, person);
    await expect(page.getByRole("heading", { name: "Signed in with JWT" })).toBeVisible();
    await page.goto("/jwt/tokens");
    const families = page.getByTestId("family");
    await expect(families).toHaveCount(2);
    const old = families.filter({ hasNotText: "This browser" });
    await expect(old).toHaveAttribute("data-state", "revoked");
    await expect(old.getByTestId("family-status")).toHaveText("revoked: reuse detected");
    // Sign-in token and first successor used, the newest one revoked with the family.
    const chain = old.getByTestId("chain-link");
    await expect(chain).toHaveCount(3);
    expect(
      await chain.evaluateAll((links) => links.map((link) => link.getAttribute("data-state"))),
    ).toEqual(["used", "used", "revoked"]);
  });

  test("changing the password (through the session strategy) ends the JWT pair too", async ({
    newBrowser,
    jwtUser: { page, person },
    request,
  }) => {
    const access = await accessTokenOf(page);
    const refresh = await refreshTokenOf(page);

    const { context: sessionContext, page: sessionPage } = await newBrowser();
    await signInOverHttp(sessionPage, "session", person);
    const newPassword = newPerson().password;
    await changePasswordThroughForm(sessionPage, person.password, newPassword);
    await expect(sessionPage.getByText(/^Password changed\./)).toBeVisible();
    await sessionContext.close();

    await expectRevoked(request, access);
    expect((await page.request.get("/api/jwt/me")).status()).toBe(401);
    const refreshed = await refreshWith(request, refresh);
    expect(refreshed.status()).toBe(401);
    expect(await refreshed.json()).toEqual({
      error: { code: "invalid_token", message: expect.stringContaining("revoked") },
    });
    const viaCookie = await page.request.post(REFRESH_PATH);
    expect(viaCookie.status()).toBe(401);

    await page.goto("/jwt/tokens");
    await signInAgain(page, { email: person.email, password: newPassword });
    await expect(page).toHaveURL(/\/jwt\/tokens$/);
    const old = page.getByTestId("family").filter({ hasNotText: "This browser" });
    await expect(old).toHaveAttribute("data-state", "revoked");
    await expect(old.getByTestId("family-status")).toHaveText("revoked: password changed");
  });
});

test.describe("paste any JWT (the lab's decoder)", () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  test("decodes in the browser, then verifies on request and says why a token fails", async ({
    jwtUser: { page },
  }) => {
    const token = await accessTokenOf(page);
    await page.goto("/lab#token-anatomy");
    const decoder = page.getByTestId("jwt-decoder");
    const field = decoder.getByLabel(/A token to decode/);
    const verify = decoder.getByRole("button", { name: /Verify against this app's JWKS/ });

    // Decoding sends nothing: no request to the verifier until the button.
    let verifyCalls = 0;
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/tokens/verify") verifyCalls += 1;
    });
    await field.fill("not.a-jwt");
    await expect(decoder.getByTestId("decoder-error")).toContainText("header");
    await field.fill(token);
    await expect(decoder.getByTestId("decoder-header").locator('[data-claim="alg"]')).toContainText(
      "ES256",
    );
    await expect(
      decoder.getByTestId("decoder-payload").locator('[data-claim="sub"]'),
    ).toBeVisible();
    expect(verifyCalls).toBe(0);

    await verify.click();
    await expect(decoder.getByTestId("decoder-verdict")).toContainText("Valid: signed by");

    // One claim changed, the signature kept: refused, and said why.
    const [header, payload = "", signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as object;
    await field.fill(`${header}.${b64({ ...claims, ver: 9999 })}.${signature}`);
    await expect(decoder.getByTestId("decoder-verdict")).toBeEmpty(); // the old verdict went
    await verify.click();
    await expect(decoder.getByTestId("decoder-verdict")).toContainText("Bad signature");

    await field.fill(`${b64({ alg: "none", typ: "at+jwt" })}.${payload}.`);
    await verify.click();
    await expect(decoder.getByTestId("decoder-verdict")).toContainText("Algorithm not allowed");
    expect(verifyCalls).toBe(3);
  });

  test("the verifier's endpoint: garbage is a clear 4xx or a verdict, never a 500", async ({
    request,
  }) => {
    const garbage = await request.post("/api/tokens/verify", { data: { token: "%%%" } });
    expect(garbage.status()).toBe(200);
    expect(await garbage.json()).toMatchObject({ valid: false, reason: "malformed" });

    const notAString = await request.post("/api/tokens/verify", { data: { token: 5 } });
    expect(notAString.status()).toBe(400);
    expect(((await notAString.json()) as ApiError).error.code).toBe("bad_request");

    // A pasted key: a private one is refused unread; one that isn't a key says so.
    const privateKey = await request.post("/api/tokens/verify", {
      data: { token: "a.b.c", key: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
    });
    expect(await privateKey.json()).toMatchObject({ valid: false, reason: "private_key" });
    // Past the 16 KB any JSON body may have: refused unread.
    const hugeKey = await request.post("/api/tokens/verify", {
      data: { token: "a.b.c", key: "x".repeat(20_000) },
    });
    expect(hugeKey.status()).toBe(413);

    const plain = await request.post("/api/tokens/verify", {
      headers: { "content-type": "text/plain" },
      data: "eyJ",
    });
    expect(plain.status()).toBe(415);
    expect((await request.get("/api/tokens/verify")).status()).toBe(405);
    const crossSite = await postFromAnotherSite(request, "/api/tokens/verify", {
      data: { token: "a.b.c" },
    });
    expect(crossSite.status()).toBe(403);
  });
});
