import type { APIRequestContext, Page } from "@playwright/test";
import {
  cookieValue,
  COOKIES,
  expect,
  type Person,
  SHORT_LIVED_SETTINGS,
  SHORT_LIVED_URL,
  test,
  waitUntilEnded,
} from "./fixtures";

// Session lifetimes on the short-lived server. These specs wait on the clock, but never sleep:
// they poll the server, with deadlines computed from the lifetimes the server was started with.

test.use({ baseURL: SHORT_LIVED_URL });

const IDLE_SECONDS = SHORT_LIVED_SETTINGS.SESSION_IDLE_TIMEOUT_SECONDS;
const ABSOLUTE_SECONDS = SHORT_LIVED_SETTINGS.SESSION_ABSOLUTE_LIFETIME_SECONDS;
const IDLE = `the idle timeout (SESSION_IDLE_TIMEOUT_SECONDS=${IDLE_SECONDS})`;
const ABSOLUTE = `the absolute lifetime (SESSION_ABSOLUTE_LIFETIME_SECONDS=${ABSOLUTE_SECONDS})`;

/**
 * Signs in through the JSON API with the browser's cookies. Unlike the sign-in page, it loads no
 * page, so no background request (a link prefetch) can count as activity while the test waits.
 */
async function signIn(page: Page, person: Person): Promise<{ seal: string; signedInAt: number }> {
  const signedInAt = Date.now();
  const response = await page.request.post("/api/session/login", {
    data: { email: person.email, password: person.password },
  });
  expect(response.status()).toBe(200);
  const seal = await cookieValue(page, COOKIES.session);
  expect(seal).toBeTruthy();
  return { seal: seal ?? "", signedInAt };
}

/** A use of the session: GET /api/session/me with exactly this seal. */
async function use(request: APIRequestContext, seal: string): Promise<number> {
  const response = await request.get("/api/session/me", {
    headers: { cookie: `${COOKIES.session}=${seal}` },
  });
  return response.status();
}

/**
 * What the header says, without using the session: it only peeks, so watching it neither slides
 * the idle deadline nor ends the session.
 */
async function headerSays(request: APIRequestContext, seal: string): Promise<string> {
  const html = await (
    await request.get("/", { headers: { cookie: `${COOKIES.session}=${seal}` } })
  ).text();
  return /data-testid="status-session"(?:(?!<\/li>)[^])*signed out/.test(html)
    ? "signed out"
    : "signed in";
}

/**
 * Uses the session about every `everyMs` until `until`, and returns each answer with how long
 * after sign-in it came.
 */
async function stayActive(
  request: APIRequestContext,
  seal: string,
  signedInAt: number,
  until: number,
): Promise<string[]> {
  const answers: string[] = [];
  await expect
    .poll(
      async () => {
        answers.push(`${await use(request, seal)} at ${Date.now() - signedInAt} ms`);
        return Date.now() >= until;
      },
      { timeout: until - Date.now() + 10_000, intervals: [IDLE_SECONDS * 250] },
    )
    .toBe(true);
  return answers;
}

test.describe("session lifetimes", () => {
  test("an idle session ends after the idle timeout", async ({ page, person, request }) => {
    const { seal, signedInAt } = await signIn(page, person);
    expect(await use(request, seal)).toBe(200);
    const lastUse = Date.now();

    await waitUntilEnded(
      { name: IDLE, endsAt: lastUse + IDLE_SECONDS * 1000 },
      () => headerSays(request, seal),
      "signed out",
    );
    expect(Date.now() - signedInAt, "not ended before the idle timeout").toBeGreaterThanOrEqual(
      IDLE_SECONDS * 1000,
    );
    // The browser still holds the cookie (it expires only at the absolute lifetime): the server ends it.
    expect(await cookieValue(page, COOKIES.session)).toBe(seal);
    const me = await request.get("/api/session/me", {
      headers: { cookie: `${COOKIES.session}=${seal}` },
    });
    expect(me.status()).toBe(401);
    expect(await me.json()).toEqual({
      error: { code: "session_expired", message: expect.stringContaining("without activity") },
    });
    const sessionPage = await page.request.get("/session", { maxRedirects: 0 });
    expect(sessionPage.status()).toBe(307);
    // The sign-in page is told why, and says so.
    expect(sessionPage.headers()["location"]).toMatch(
      // Expired, when this request is the one that finds it so; ended, once the row is gone.
      /\/session\/login\?next=%2Fsession&reason=(expired|ended)$/,
    );
  });

  test("activity keeps a session alive past the idle timeout", async ({
    page,
    person,
    request,
  }) => {
    const { seal, signedInAt } = await signIn(page, person);
    const answers = await stayActive(
      request,
      seal,
      signedInAt,
      signedInAt + (IDLE_SECONDS + 2) * 1000,
    );
    expect(
      answers.every((answer) => answer.startsWith("200")),
      answers.join(", "),
    ).toBe(true);
    // The last use came well after the idle timeout had passed since signing in.
    expect((await page.request.get("/session", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("activity does not keep a session alive past its absolute lifetime", async ({
    page,
    person,
    request,
  }) => {
    const { seal, signedInAt } = await signIn(page, person);
    const end = signedInAt + ABSOLUTE_SECONDS * 1000;
    // Active all along: alive well past the idle timeout, up to a second before the end…
    const answers = await stayActive(request, seal, signedInAt, end - 1_500);
    expect(
      answers.every((answer) => answer.startsWith("200")),
      answers.join(", "),
    ).toBe(true);
    // …and still active, but the absolute lifetime runs out regardless.
    await waitUntilEnded({ name: ABSOLUTE, endsAt: end }, () => use(request, seal), 401);
    expect(Date.now(), "not ended before the absolute lifetime").toBeGreaterThanOrEqual(
      end - 1_000,
    );
    // The cookie's own Expires is the absolute lifetime, so the browser has dropped it as well.
    await expect.poll(() => cookieValue(page, COOKIES.session)).toBeUndefined();
  });
});
