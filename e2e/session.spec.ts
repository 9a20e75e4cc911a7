import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import {
  addNoteThroughPage,
  changePasswordThroughForm,
  confirmAction,
  cookieValue,
  COOKIES,
  CREDENTIAL_COOKIE,
  deleteOnlyNoteThroughPage,
  expect,
  type NewBrowser,
  newPerson,
  otherBrowser,
  type Person,
  registerPerson,
  SHORT_LIVED_URL,
  signInOverHttp,
  signInThroughForm,
  STRATEGIES,
  submitSignInForm,
  test,
} from "./fixtures";

// The server-session strategy through the browser: signing in and out, the cookie itself, and
// what every way of ending a session does to the other browsers of the same person.

const SESSION_COOKIE = COOKIES.session;

/** GET /api/session/me with exactly this cookie value, from a client that holds nothing else. */
async function sessionMeStatus(
  request: APIRequestContext,
  seal: string,
  baseURL = "",
): Promise<number> {
  const response = await request.get(`${baseURL}/api/session/me`, {
    headers: { cookie: `${SESSION_COOKIE}=${seal}` },
  });
  return response.status();
}

const sessionStatus = (page: Page) =>
  page.getByRole("region", { name: "Sign-in status" }).getByTestId("status-session");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type SessionElsewhere = { context: BrowserContext; ip: string; seal: string };

/**
 * Another browser (own cookies, own client address) signed in as `person` through the JSON API
 * with that browser's cookie jar: quicker than the form, which the test's main browser uses.
 */
async function sessionElsewhere(newBrowser: NewBrowser, person: Person): Promise<SessionElsewhere> {
  const { context, ip } = await newBrowser();
  await signInOverHttp(context, "session", person);
  return { context, ip, seal: await sessionSeal(context) };
}

/**
 * The browser's next request for `path` (with its own, authentic cookie, whose session was ended
 * elsewhere) is sent to sign in and back, and the sign-in page is told why.
 */
async function expectSentToSignIn(context: BrowserContext, path: string): Promise<void> {
  const response = await context.request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(307);
  expect(response.headers()["location"], path).toMatch(
    new RegExp(`/session/login\\?next=${escapeRegExp(encodeURIComponent(path))}&reason=ended$`),
  );
}

async function sessionSeal(target: Page | BrowserContext): Promise<string> {
  const seal = await cookieValue(target, SESSION_COOKIE);
  expect(seal, "the browser holds a session cookie").toBeTruthy();
  return seal ?? "";
}

/** One character in the middle of the seal changed to another of the same alphabet. */
function flipMiddleCharacter(seal: string): string {
  let index = Math.floor(seal.length / 2);
  while (!/[A-Za-z0-9]/.test(seal[index] ?? "")) index++;
  const flipped = seal[index] === "A" ? "B" : "A";
  return `${seal.slice(0, index)}${flipped}${seal.slice(index + 1)}`;
}

test.describe("server session in the browser", () => {
  test("signs in, works with notes, signs out, and the old cookie is dead afterwards", async ({
    page,
    person,
    request,
  }) => {
    await signInThroughForm(page, "session", person);
    await expect(sessionStatus(page)).toContainText(`signed in as ${person.name}`);
    const seal = await sessionSeal(page);

    await page
      .getByRole("navigation", { name: "Session pages" })
      .getByRole("link", { name: /Notes/ })
      .click();
    await expect(page).toHaveURL(/\/notes\?via=session$/);
    const body = `Remember the milk ${crypto.randomUUID().slice(0, 8)}`;
    await addNoteThroughPage(page, body, "session");
    await deleteOnlyNoteThroughPage(page, body);

    await page.goto("/session");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/session\/login$/);
    await expect(sessionStatus(page)).toContainText("signed out");
    expect(await cookieValue(page, SESSION_COOKIE)).toBeUndefined();

    // Someone who copied the cookie before the sign-out gets nothing: the row is gone.
    expect(await sessionMeStatus(request, seal)).toBe(401);
  });

  test("the cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure on http://localhost", async ({
    sessionUser: { page },
  }) => {
    await page.goto(STRATEGIES.session.href);
    const cookie = (await page.context().cookies()).find(
      (candidate) => candidate.name === SESSION_COOKIE,
    );
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject(CREDENTIAL_COOKIE);
    // Persistent until the absolute lifetime, not a session cookie (-1).
    expect(cookie?.expires ?? -1).toBeGreaterThan(Date.now() / 1000);
    // Script on the page can't read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  });

  test("signing in always issues a new cookie and ends whatever the browser held (no fixation)", async ({
    baseURL,
    page,
    person,
    request,
  }) => {
    // A value planted before sign-in: the login page treats the browser as signed out…
    await page
      .context()
      .addCookies([{ name: SESSION_COOKIE, value: "planted-by-someone-else", url: baseURL ?? "" }]);
    await signInThroughForm(page, "session", person);
    // …and signing in replaces it.
    const first = await sessionSeal(page);
    expect(first).not.toBe("planted-by-someone-else");
    expect(await sessionMeStatus(request, first)).toBe(200);

    // Signing in again over a valid session. The login page sends signed-in people away, so this
    // goes through the JSON API with the browser's own cookies.
    await signInOverHttp(page, "session", person);
    const second = await sessionSeal(page);
    expect(second).not.toBe(first);
    expect(await sessionMeStatus(request, first)).toBe(401);
    expect(await sessionMeStatus(request, second)).toBe(200);
    await page.goto("/session");
    await expect(sessionStatus(page)).toContainText(`signed in as ${person.name}`);
  });

  test("a tampered, foreign or oversized cookie is refused with 401 and the pages treat it as signed out", async ({
    browser,
    sessionUser: { page },
    request,
  }) => {
    const genuine = await sessionSeal(page);

    // A valid seal from the other server, which seals with another password.
    const stranger = newPerson();
    await registerPerson(request, stranger, SHORT_LIVED_URL);
    const elsewhere = await otherBrowser(browser, SHORT_LIVED_URL);
    await signInOverHttp(elsewhere.context, "session", stranger);
    const foreign = (await cookieValue(elsewhere.context, SESSION_COOKIE)) ?? "";
    await elsewhere.context.close();
    expect(await sessionMeStatus(request, foreign, SHORT_LIVED_URL)).toBe(200); // genuine where it came from

    const forged = {
      "one character flipped": flipMiddleCharacter(genuine),
      "sealed by another server": foreign,
      "8 KB long": `${genuine}${"A".repeat(8 * 1024 - genuine.length)}`,
    };
    for (const [what, seal] of Object.entries(forged)) {
      expect(seal, what).not.toBe(genuine);
      const me = await request.get("/api/session/me", {
        headers: { cookie: `${SESSION_COOKIE}=${seal}` },
      });
      expect(me.status(), what).toBe(401);
      // The seal doesn't verify, and the answer says so (rather than "sign in first").
      expect(await me.json(), what).toEqual({
        error: { code: "invalid_token", message: expect.stringContaining("seal doesn't verify") },
      });

      const login = await request.get(STRATEGIES.session.loginPath, {
        headers: { cookie: `${SESSION_COOKIE}=${seal}` },
        maxRedirects: 0,
      });
      expect(login.status(), what).toBe(200);
      const html = await login.text();
      expect(html, what).toContain("Sign in with a server session");
      // The header's session pill (up to its closing tag) says signed out.
      expect(html, what).toMatch(/data-testid="status-session"(?:(?!<\/li>)[^])*signed out/);
    }
    // The genuine cookie still works: refusing forgeries ended nothing.
    expect(await sessionMeStatus(request, genuine)).toBe(200);
  });

  test("the devices page lists every browser; “Revoke” ends one, “Sign out everywhere else” all but this one", async ({
    newBrowser,
    sessionUser: { page, person },
    request,
  }) => {
    const mine = await sessionSeal(page);
    const second = await sessionElsewhere(newBrowser, person);
    const third = await sessionElsewhere(newBrowser, person);

    await page.goto("/session/devices");
    const devices = page.getByTestId("device");
    await expect(devices).toHaveCount(3);
    await expect(devices.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(2);

    // Revoke exactly the second browser, told apart by the address it signed in from.
    const secondDevice = devices.filter({ hasText: new RegExp(`IP ${escapeRegExp(second.ip)} `) });
    await expect(secondDevice).toHaveCount(1);
    await secondDevice.getByRole("button", { name: /^Revoke/ }).click();
    await expect(devices).toHaveCount(2);
    await expect(devices.filter({ hasText: "This device" })).toHaveCount(1);
    expect(await sessionMeStatus(request, second.seal)).toBe(401);
    await expectSentToSignIn(second.context, STRATEGIES.session.notesPath);
    expect(await sessionMeStatus(request, third.seal)).toBe(200);

    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(devices).toHaveCount(1);
    await expect(devices).toContainText("This device");
    await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toBeDisabled();

    await expectSentToSignIn(third.context, "/session");
    expect(await sessionMeStatus(request, third.seal)).toBe(401);
    // This browser stays signed in, with a new session: a copy of its old cookie was one of the
    // "else" and is refused too.
    expect(await sessionMeStatus(request, await sessionSeal(page))).toBe(200);
    expect(await sessionMeStatus(request, mine)).toBe(401);
  });

  test("“Sign out everywhere” signs out this browser too", async ({
    newBrowser,
    sessionUser: { page, person },
    request,
  }) => {
    const mine = await sessionSeal(page);
    const other = await sessionElsewhere(newBrowser, person);

    await page.goto("/session/devices");
    await confirmAction(page, "Sign out everywhere", "Yes, end every server session");
    await expect(page).toHaveURL(/\/session\/login$/);
    await expect(sessionStatus(page)).toContainText("signed out");
    expect(await cookieValue(page, SESSION_COOKIE)).toBeUndefined();

    expect(await sessionMeStatus(request, mine)).toBe(401);
    expect(await sessionMeStatus(request, other.seal)).toBe(401);
    await expectSentToSignIn(other.context, "/session/devices");
  });

  test("changing the password ends the other sessions, signs this one in again, and only the new password signs in", async ({
    newBrowser,
    sessionUser: { page, person },
    request,
  }) => {
    const mine = await sessionSeal(page);
    const other = await sessionElsewhere(newBrowser, person);

    const newPassword = newPerson().password;
    await changePasswordThroughForm(page, person.password, newPassword);
    await expect(
      page.getByText(
        /^Password changed\. Ended everywhere else: 1 server session, 0 JWT sign-ins, 0 provider sessions, 1 trusted device\. .* This browser stays signed in\.$/,
      ),
    ).toBeVisible();

    expect(await sessionMeStatus(request, other.seal)).toBe(401);
    // This browser signed in again under the new password: a copy of its old cookie is refused.
    expect(await sessionMeStatus(request, mine)).toBe(401);
    expect(await sessionMeStatus(request, await sessionSeal(page))).toBe(200);
    await page.goto("/session");
    await expect(sessionStatus(page)).toContainText(`signed in as ${person.name}`);

    // The other browser, now signed out, tries both passwords.
    await expectSentToSignIn(other.context, "/session");
    const otherPage = await other.context.newPage();
    await otherPage.goto(STRATEGIES.session.loginPath);
    await submitSignInForm(otherPage, person);
    await expect(
      otherPage.getByText("That email and password don't match an account."),
    ).toBeVisible();
    await otherPage.getByLabel("Password").fill(newPassword);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(
      otherPage.getByRole("heading", { name: "Signed in with a server session" }),
    ).toBeVisible();
    await expect(sessionStatus(otherPage)).toContainText(`signed in as ${person.name}`);
  });

  test("session pages send strangers to sign in and back to where they were going", async ({
    baseURL,
    page,
    person,
  }) => {
    const pages = [
      { path: "/session", heading: "Signed in with a server session" },
      { path: "/session/devices", heading: "Your devices" },
      { path: "/session/password", heading: "Change password" },
      { path: STRATEGIES.session.notesPath, heading: `Notes via ${STRATEGIES.session.label}` },
    ];
    for (const { path, heading } of pages) {
      await page.context().clearCookies();
      await page.goto(path);
      await expect(page).toHaveURL(`${baseURL}/session/login?next=${encodeURIComponent(path)}`);
      await expect(sessionStatus(page)).toContainText("signed out");

      await submitSignInForm(page, person);
      await expect(page).toHaveURL(`${baseURL}${path}`);
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    }
  });
});
