import { type Page } from "@playwright/test";
import { cookieValue, expect, JWT_COOKIES, SHORT_LIVED_URL, signInWithJwt, test } from "./fixtures";

// Access-token expiry on the short-lived server (JWT_ACCESS_TTL_SECONDS=4): the header's keeper
// refreshes before expiry, a page that finds the token expired refreshes silently, and two
// refreshes racing with the same refresh token don't sign anyone out.

// Everything in this file runs against the short-lived server: `page`, `request`, and the
// `person` fixture, which registers the person with registerPerson(browser, person, baseURL).
test.use({ baseURL: SHORT_LIVED_URL });

const REFRESH_PATH = "/api/jwt/refresh";
/** The verifiers accept a token this long after its exp (clock skew between services). */
const CLOCK_TOLERANCE_SECONDS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Claims = { sub: string; fam: string; iat: number; exp: number };

function claimsOf(token: string): Claims {
  const [, payload = ""] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
}

async function accessToken(page: Page): Promise<string> {
  const token = await cookieValue(page, JWT_COOKIES.access);
  expect(token, "the browser holds an access cookie").toBeTruthy();
  return token ?? "";
}

/** Waits until the server refuses `token` as expired: past its exp and the clock tolerance. */
async function outliveToken(token: string): Promise<void> {
  const { iat, exp } = claimsOf(token);
  expect(exp - iat).toBe(4);
  await sleep((exp + CLOCK_TOLERANCE_SECONDS) * 1000 + 300 - Date.now());
}

/** Every URL the page's main frame loads (a router.refresh() loads none). */
function recordNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

async function addNote(page: Page, body: string): Promise<void> {
  await page.getByLabel("New note").fill(body);
  await page.getByRole("button", { name: "Save note" }).click();
  const note = page.getByTestId("note").filter({ hasText: body });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText("created via jwt");
  await expect(page.getByLabel("New note")).toHaveValue("");
}

async function expectExpired(page: Page, token: string): Promise<void> {
  const me = await page.request.get("/api/jwt/me", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(me.status()).toBe(401);
  expect(((await me.json()) as { error: { code: string } }).error.code).toBe("token_expired");
}

test.describe("JWT expiry in the browser", () => {
  test("a page left open keeps working past the access token's lifetime: the keeper refreshes first", async ({
    page,
    person,
  }) => {
    await signInWithJwt(page, person);
    const navigations = recordNavigations(page);
    await page.goto("/notes?via=jwt");
    await expect(
      page.getByRole("heading", { name: "Notes via JWT access + refresh" }),
    ).toBeVisible();
    const first = await accessToken(page);

    // Stay on the page until the first token is refused everywhere.
    await outliveToken(first);
    await expectExpired(page, first);
    const current = await accessToken(page);
    expect(current, "the keeper rotated the access token").not.toBe(first);
    expect(claimsOf(current).fam).toBe(claimsOf(first).fam);

    await addNote(page, `Written after expiry ${crypto.randomUUID().slice(0, 8)}`);
    await expect(page).toHaveURL(/\/notes\?via=jwt$/);
    expect(navigations.length).toBeGreaterThan(0);
    expect(navigations.filter((url) => url.includes("/jwt/login"))).toEqual([]);
    expect((await page.request.get("/api/jwt/me")).status()).toBe(200);
  });

  test("a page opened after the access token expired refreshes silently instead of signing out", async ({
    context,
    page,
    person,
  }) => {
    await signInWithJwt(page, person);
    await page.close(); // No keeper runs from here on.
    const expired = await accessToken(page);
    const refresh = await cookieValue(page, JWT_COOKIES.refresh);
    await outliveToken(expired);

    // The server sees an expired (not a missing or revoked) token: no redirect, a holding page.
    const holding = await context.request.get("/notes?via=jwt", { maxRedirects: 0 });
    expect(holding.status()).toBe(200);
    expect(await holding.text()).toContain("Refreshing your sign-in…");
    expect(await cookieValue(page, JWT_COOKIES.access)).toBe(expired);

    const fresh = await context.newPage();
    const navigations = recordNavigations(fresh);
    await fresh.goto("/notes?via=jwt");
    await expect(
      fresh.getByRole("heading", { name: "Notes via JWT access + refresh" }),
    ).toBeVisible();
    await expect(
      fresh.getByRole("region", { name: "Sign-in status" }).getByTestId("status-jwt"),
    ).toContainText(`signed in as ${person.name}`);
    await addNote(fresh, `Written after a silent refresh ${crypto.randomUUID().slice(0, 8)}`);
    expect(navigations.filter((url) => url.includes("/jwt/login"))).toEqual([]);
    await expect(fresh).toHaveURL(/\/notes\?via=jwt$/);

    // The proof that a refresh happened: both cookies were replaced, in the same family.
    const renewed = await accessToken(fresh);
    expect(renewed).not.toBe(expired);
    expect(claimsOf(renewed).fam).toBe(claimsOf(expired).fam);
    expect(await cookieValue(fresh, JWT_COOKIES.refresh)).not.toBe(refresh);
  });

  test("two refreshes racing with the same refresh token: one rotates, the other is told to retry (409)", async ({
    page,
    person,
  }) => {
    const signIn = await page.request.post("/api/jwt/token", {
      data: { email: person.email, password: person.password },
    });
    expect(signIn.status()).toBe(200);
    const pair = (await signIn.json()) as { access_token: string; refresh_token: string };
    const url = SHORT_LIVED_URL;
    await page.context().addCookies([
      {
        name: JWT_COOKIES.access,
        value: pair.access_token,
        url,
        httpOnly: true,
        sameSite: "Lax",
      },
      {
        name: JWT_COOKIES.refresh,
        value: pair.refresh_token,
        domain: "localhost",
        path: REFRESH_PATH,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);

    // Two tabs waking up at the same moment, both sending the same cookies.
    const responses = await Promise.all([
      page.request.post(REFRESH_PATH),
      page.request.post(REFRESH_PATH),
    ]);
    const statuses = responses.map((response) => response.status()).sort();
    expect(statuses, "exactly one of two racing refreshes may rotate").toEqual([200, 409]);
    const loser = responses.find((response) => response.status() === 409);
    expect(await loser?.json()).toEqual({
      error: { code: "conflict", message: expect.stringContaining("retry with the newest one") },
    });

    // The winner's cookies stand; the loser cleared nothing.
    const current = await accessToken(page);
    expect(current).not.toBe(pair.access_token);
    expect(await cookieValue(page, JWT_COOKIES.refresh)).not.toBe(pair.refresh_token);
    const me = await page.request.get("/api/jwt/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ transport: "cookie", user: { email: person.email } });

    await page.goto("/jwt/tokens");
    const family = page.getByTestId("family").filter({ hasText: "This browser" });
    await expect(family).toHaveCount(1);
    await expect(family).toHaveAttribute("data-state", "active");
    await expect(family.getByTestId("family-status")).toHaveText("active");
    await expect(family.locator('[data-testid="chain-link"][data-state="live"]')).toHaveCount(1);
    await expect(family.locator('[data-testid="chain-link"][data-state="revoked"]')).toHaveCount(0);
    // The sign-in token was used once, by the winner (the keeper may have rotated once more since).
    expect(
      await family.getByTestId("chain-link").evaluateAll((links) => links.length),
    ).toBeGreaterThanOrEqual(2);
    await expect(family.getByTestId("chain-link").first()).toHaveAttribute("data-state", "used");
  });
});
