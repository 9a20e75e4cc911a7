import type { Page } from "@playwright/test";
import {
  accessTokenOf,
  addNoteThroughPage,
  claimsOf,
  cookieValue,
  COOKIES,
  expect,
  JWT_REFRESH_PATH,
  meWithBearer,
  outliveAccessToken,
  recordNavigations,
  SHORT_LIVED_SETTINGS,
  SHORT_LIVED_URL,
  signInOverHttp,
  STRATEGIES,
  test,
} from "./fixtures";

// Access-token expiry on the short-lived server: the header's keeper refreshes before expiry, a
// page that finds the token expired refreshes silently, and two refreshes racing with the same
// refresh token don't sign anyone out.

test.use({ baseURL: SHORT_LIVED_URL });

const REFRESH_PATH = JWT_REFRESH_PATH;
const TTL = SHORT_LIVED_SETTINGS.JWT_ACCESS_TTL_SECONDS;
const NOTES = STRATEGIES.jwt.notesPath;

/** Polls until the server refuses `token` (a TTL-second one): past its exp and the clock tolerance. */
async function outliveToken(page: Page, token: string): Promise<void> {
  const { iat, exp } = claimsOf(token);
  expect(exp - iat).toBe(TTL);
  await outliveAccessToken(token, async () => (await meWithBearer(page.request, token)).status());
}

async function expectExpired(page: Page, token: string): Promise<void> {
  const me = await meWithBearer(page.request, token);
  expect(me.status()).toBe(401);
  expect(((await me.json()) as { error: { code: string } }).error.code).toBe("token_expired");
}

test.describe("JWT expiry in the browser", () => {
  test("a page left open keeps working past the access token's lifetime: the keeper refreshes first", async ({
    jwtUser: { page },
  }) => {
    const navigations = recordNavigations(page);
    await page.goto(NOTES);
    await expect(
      page.getByRole("heading", { name: `Notes via ${STRATEGIES.jwt.label}` }),
    ).toBeVisible();
    const first = await accessTokenOf(page);

    // Stay on the page until the first token is refused everywhere.
    await outliveToken(page, first);
    await expectExpired(page, first);
    const current = await accessTokenOf(page);
    expect(current, "the keeper rotated the access token").not.toBe(first);
    expect(claimsOf(current).fam).toBe(claimsOf(first).fam);

    await addNoteThroughPage(
      page,
      `Written after expiry ${crypto.randomUUID().slice(0, 8)}`,
      "jwt",
    );
    await expect(page).toHaveURL(/\/notes\?via=jwt$/);
    expect(navigations.length).toBeGreaterThan(0);
    expect(navigations.filter((url) => url.includes(STRATEGIES.jwt.loginPath))).toEqual([]);
    expect((await page.request.get("/api/jwt/me")).status()).toBe(200);
  });

  test("a page opened after the access token expired refreshes silently instead of signing out", async ({
    context,
    page,
    person,
  }) => {
    // Signed in over HTTP: no page is open, so no keeper runs from here on.
    await signInOverHttp(context, "jwt", person);
    const expired = await accessTokenOf(page);
    const refresh = await cookieValue(page, COOKIES.jwtRefresh);
    await outliveToken(page, expired);

    // The server sees an expired (not a missing or revoked) token: no redirect, a holding page.
    const holding = await context.request.get(NOTES, { maxRedirects: 0 });
    expect(holding.status()).toBe(200);
    expect(await holding.text()).toContain("Refreshing your sign-in…");
    expect(await cookieValue(page, COOKIES.jwtAccess)).toBe(expired);

    const fresh = await context.newPage();
    const navigations = recordNavigations(fresh);
    await fresh.goto(NOTES);
    await expect(
      fresh.getByRole("heading", { name: `Notes via ${STRATEGIES.jwt.label}` }),
    ).toBeVisible();
    await expect(
      fresh.getByRole("region", { name: "Sign-in status" }).getByTestId("status-jwt"),
    ).toContainText(`signed in as ${person.name}`);
    const body = `Written after a silent refresh ${crypto.randomUUID().slice(0, 8)}`;
    await addNoteThroughPage(fresh, body, "jwt");
    expect(navigations.filter((url) => url.includes(STRATEGIES.jwt.loginPath))).toEqual([]);
    await expect(fresh).toHaveURL(/\/notes\?via=jwt$/);

    // The proof that a refresh happened: both cookies were replaced, in the same family.
    const renewed = await accessTokenOf(fresh);
    expect(renewed).not.toBe(expired);
    expect(claimsOf(renewed).fam).toBe(claimsOf(expired).fam);
    expect(await cookieValue(fresh, COOKIES.jwtRefresh)).not.toBe(refresh);
  });

  test("the token editor starts from the token held now: a silent refresh is no one's edit", async ({
    jwtUser: { page },
  }) => {
    await page.goto("/jwt");
    const viewer = page.locator('[data-testid="token-viewer"][data-source="access"]');
    const jtiShown = viewer.getByTestId("token-payload").locator('[data-claim="jti"]');
    const first = await accessTokenOf(page);
    await expect(jtiShown).toContainText(claimsOf(first).jti);

    // The keeper refreshes before expiry and the page re-renders with the new token.
    await expect.poll(() => accessTokenOf(page), { timeout: TTL * 1000 + 5000 }).not.toBe(first);
    await expect(jtiShown).not.toContainText(claimsOf(first).jti);

    await viewer.getByText("Try changing it").click();
    const editor = viewer.getByLabel("Payload (JSON)");
    await expect(viewer.getByText("Unchanged: the signature matches")).toBeVisible();
    await expect(viewer.getByTestId("token-edit-verdict")).toHaveCount(0);
    expect(await editor.inputValue()).not.toContain(claimsOf(first).jti);

    // An edit made before the next refresh names only what the visitor changed.
    const before = await accessTokenOf(page);
    await editor.fill((await editor.inputValue()).replace(/"ver": \d+/, '"ver": 9999'));
    await expect(viewer.getByTestId("token-edit-verdict")).toContainText("(you changed ver)");
    await expect.poll(() => accessTokenOf(page), { timeout: TTL * 1000 + 5000 }).not.toBe(before);
    await expect(viewer.getByTestId("token-edit-stale")).toBeVisible();
    await expect(viewer.getByTestId("token-edit-verdict")).toContainText("(you changed ver)");
    await viewer.getByRole("button", { name: "Start again from the token I hold now" }).click();
    await expect(viewer.getByText("Unchanged: the signature matches")).toBeVisible();
  });

  test("two refreshes racing with the same refresh token: one rotates, the other is told to retry (409)", async ({
    jwtUser: { page, person },
  }) => {
    const pair = {
      access_token: await accessTokenOf(page),
      refresh_token: (await cookieValue(page, COOKIES.jwtRefresh)) ?? "",
    };

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
    const current = await accessTokenOf(page);
    expect(current).not.toBe(pair.access_token);
    expect(await cookieValue(page, COOKIES.jwtRefresh)).not.toBe(pair.refresh_token);
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
