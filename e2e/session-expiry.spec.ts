import { type Page } from "@playwright/test";
import {
  cookieValue,
  expect,
  type Person,
  SESSION_COOKIE,
  sessionMeStatus,
  SHORT_LIVED_URL,
  test,
} from "./fixtures";

// Session lifetimes on the short-lived server (idle 3 s, absolute 8 s). These are the only specs
// that wait on the clock; every wait is as short as the lifetime it watches allows.

// Everything in this file runs against the short-lived server: `page`, `request`, and the
// `person` fixture, which registers the person with registerPerson(browser, person, baseURL).
test.use({ baseURL: SHORT_LIVED_URL });

const IDLE_MS = 3_000;
const ABSOLUTE_MS = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Signs in through the JSON API with the browser's cookies. Unlike the sign-in page, it loads no
 * page, so no background request (a link prefetch) can count as activity while the test waits.
 * Returns the seal and the time the session certainly existed by.
 */
async function signIn(page: Page, person: Person): Promise<{ seal: string; signedInAt: number }> {
  const response = await page.request.post("/api/session/login", {
    data: { email: person.email, password: person.password },
  });
  expect(response.status()).toBe(200);
  const signedInAt = Date.now();
  const seal = await cookieValue(page, SESSION_COOKIE);
  expect(seal).toBeTruthy();
  return { seal: seal ?? "", signedInAt };
}

/** The browser's next page request, with its own cookie, is sent to sign in. */
async function expectSentToSignIn(page: Page): Promise<void> {
  const response = await page.request.get("/session", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toMatch(/\/session\/login\?next=%2Fsession$/);
}

test.describe("session lifetimes", () => {
  test("an idle session ends after the idle timeout", async ({ page, person, request }) => {
    const { seal } = await signIn(page, person);
    expect(await sessionMeStatus(request, seal)).toBe(200);
    const lastActivity = Date.now();

    await sleep(lastActivity + IDLE_MS + 750 - Date.now());
    // The browser still holds the cookie (it expires only at the absolute lifetime): the server ends it.
    expect(await cookieValue(page, SESSION_COOKIE)).toBe(seal);
    expect(await sessionMeStatus(request, seal)).toBe(401);
    await expectSentToSignIn(page);
  });

  test("activity keeps a session alive past the idle timeout", async ({ page, person }) => {
    const { signedInAt } = await signIn(page, person);
    while (Date.now() - signedInAt < IDLE_MS + 2_000) {
      await sleep(1_000);
      const me = await page.request.get("/api/session/me");
      expect(me.status(), `${Date.now() - signedInAt} ms after signing in`).toBe(200);
    }
    // The last request came well after the idle timeout had passed since signing in.
    const session = await page.request.get("/session", { maxRedirects: 0 });
    expect(session.status()).toBe(200);
  });

  test("activity does not keep a session alive past its absolute lifetime", async ({
    page,
    person,
    request,
  }) => {
    const signInStarted = Date.now();
    const { seal, signedInAt } = await signIn(page, person);
    // Active every second: alive well past the idle timeout (checked only up to 6.5 s after the
    // session was created at the earliest, clear of its end at 8 s)…
    while (Date.now() + 1_000 - signInStarted <= ABSOLUTE_MS - 1_500) {
      await sleep(1_000);
      expect(
        await sessionMeStatus(request, seal),
        `${Date.now() - signedInAt} ms after signing in`,
      ).toBe(200);
    }
    // …and still active, but the absolute lifetime runs out regardless.
    while (Date.now() - signedInAt < ABSOLUTE_MS + 1_000) {
      await sleep(Math.min(1_000, signedInAt + ABSOLUTE_MS + 1_000 - Date.now()));
      await sessionMeStatus(request, seal);
    }
    // The seal itself is sent as a raw header, so this is the server refusing it, not the
    // browser dropping an expired cookie.
    expect(await sessionMeStatus(request, seal)).toBe(401);
    // The cookie's own Expires is the absolute lifetime, so the browser has dropped it as well.
    expect(await cookieValue(page, SESSION_COOKIE)).toBeUndefined();
  });
});
