import type { Page } from "@playwright/test";
import { CONTRAST_ONLY, seriousViolations } from "./axe";
import {
  expect,
  newIdentity,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGIES,
  test,
} from "./fixtures";

// Every page, in every state it has, on a 360 px phone: nothing wider than the screen, no serious
// axe finding in light mode, and the colours again in dark mode. Then the wide layouts (the home
// page with its header and footer, the lab's columns) on a desktop, and the keyboard basics.

const PHONE = { width: 360, height: 740 };
// The tap targets too (24 px or enough space around them, as Lighthouse counts them).
const MAIN = { include: "#main", tapTargets: true };

/** The page's width as laid out: anything wider than the screen scrolls sideways. */
const pageWidth = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

type Scheme = "light" | "dark";

/**
 * Each page's width and serious axe findings in light mode, then its colours in dark mode; a test
 * of a very large page (the lab signed in three ways) takes one scheme at a time.
 */
async function checkEveryPage(
  page: Page,
  paths: readonly string[],
  schemes: readonly Scheme[] = ["light", "dark"],
): Promise<void> {
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: schemes[0] });
    await page.goto(path);
    expect({ path, width: await pageWidth(page) }).toEqual({ path, width: PHONE.width });
    if (schemes.includes("light"))
      expect({ path, light: await seriousViolations(page, MAIN) }).toEqual({ path, light: [] });
    if (!schemes.includes("dark")) continue;
    await page.emulateMedia({ colorScheme: "dark" });
    expect({ path, dark: await seriousViolations(page, CONTRAST_ONLY) }).toEqual({
      path,
      dark: [],
    });
  }
}

test.describe("every page on a phone, light and dark", () => {
  test.use({ viewport: PHONE });

  // Signed out, one test per page: they need no sign-in, so they spread over the workers.
  for (const path of [
    "/",
    "/tour",
    "/lab",
    "/interview",
    "/glossary",
    "/register",
    "/notes",
    STRATEGIES.session.loginPath,
    STRATEGIES.jwt.loginPath,
    STRATEGIES.oauth.loginPath,
    `${STRATEGIES.oauth.loginPath}?signed-out=1`,
    "/oauth/error?error=OAuthAccountNotLinked",
    "/oauth/link",
    "/unavailable?store=redis",
    "/passkey",
  ])
    test(`signed out: ${path}`, async ({ page }) => {
      await checkEveryPage(page, [path]);
    });

  // Signed in: one test per page too, each signing in over HTTP (no page load), so no test does
  // more than a couple of scans and they spread over the workers.
  for (const path of [
    ...STRATEGIES.session.protectedPaths,
    STRATEGIES.session.notesPath,
    "/oauth/link",
    "/account",
    "/passkey/manage",
  ])
    test(`signed in with a server session: ${path}`, async ({ sessionUser: { page } }) => {
      await checkEveryPage(page, [path]);
    });

  for (const path of [...STRATEGIES.jwt.protectedPaths, STRATEGIES.jwt.notesPath])
    test(`signed in with a JWT: ${path}`, async ({ jwtUser: { page } }) => {
      await checkEveryPage(page, [path]);
    });

  for (const path of [...STRATEGIES.oauth.protectedPaths, STRATEGIES.oauth.notesPath])
    test(`signed in with a provider: ${path}`, async ({ oauthUser: { page } }) => {
      await checkEveryPage(page, [path]);
    });

  for (const [path, scheme] of [
    ["/lab", "light"],
    ["/lab", "dark"],
    ["/tour", "light"],
    ["/tour", "dark"],
  ] as const)
    test(`signed in three ways: ${path}, ${scheme}`, async ({ sessionUser: { page, person } }) => {
      await signInOverHttp(page, "jwt", person);
      await signInWithProviderOverHttp(page, "google", newIdentity());
      await checkEveryPage(page, [path], [scheme]);
    });
});

test.describe("wide layouts", () => {
  test("the home page, header and footer included, has no serious violations", async ({ page }) => {
    await page.goto("/");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the lab's columns side by side, signed in two ways, light and dark", async ({
    sessionUser: { page, person },
  }) => {
    await signInOverHttp(page, "jwt", person);
    await page.goto("/lab");
    // The columns only: the whole lab is scanned on a phone above; here it is their wide layout.
    const columns = { include: 'section[aria-labelledby="lab-columns"]' };
    expect(await seriousViolations(page, columns)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousViolations(page, { ...columns, ...CONTRAST_ONLY })).toEqual([]);
  });

  test("the page can be used from the keyboard: skip link first", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});
