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

/**
 * Each page's width and serious axe findings in light mode, then its colours in dark mode, in one
 * load. Soft assertions: a page with findings doesn't keep the test from checking the others.
 */
async function checkEveryPage(page: Page, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    expect.soft({ path, width: await pageWidth(page) }).toEqual({ path, width: PHONE.width });
    expect.soft({ path, light: await seriousViolations(page, MAIN) }).toEqual({ path, light: [] });
    await page.emulateMedia({ colorScheme: "dark" });
    expect.soft({ path, dark: await seriousViolations(page, CONTRAST_ONLY) }).toEqual({
      path,
      dark: [],
    });
  }
}

test.describe("every page on a phone, light and dark", () => {
  test.use({ viewport: PHONE });

  // A few pages per test, in one browser (and, signed in, one person signed in once over HTTP):
  // a new browser (and person) per page added a second or more to its scans. Grouped by weight, so
  // no test does more than a dozen seconds' work and the tests still spread over the workers.
  const SIGNED_OUT = [
    ["/", "/tour", "/glossary", "/register", "/notes"],
    ["/lab", "/passkey", "/unavailable?store=redis"],
    ["/interview", STRATEGIES.session.loginPath, STRATEGIES.jwt.loginPath],
    [
      STRATEGIES.oauth.loginPath,
      `${STRATEGIES.oauth.loginPath}?signed-out=1`,
      "/oauth/error?error=OAuthAccountNotLinked",
      "/oauth/link",
    ],
  ];
  for (const paths of SIGNED_OUT)
    test(`signed out: ${paths.join(", ")}`, async ({ page }) => {
      await checkEveryPage(page, paths);
    });

  const SESSION = [
    [...STRATEGIES.session.protectedPaths, STRATEGIES.session.notesPath],
    ["/oauth/link", "/account", "/passkey/manage"],
  ];
  for (const paths of SESSION)
    test(`signed in with a server session: ${paths.join(", ")}`, async ({
      sessionUser: { page },
    }) => {
      await checkEveryPage(page, paths);
    });

  const JWT = [...STRATEGIES.jwt.protectedPaths, STRATEGIES.jwt.notesPath];
  test(`signed in with a JWT: ${JWT.join(", ")}`, async ({ jwtUser: { page } }) => {
    await checkEveryPage(page, JWT);
  });

  const OAUTH = [...STRATEGIES.oauth.protectedPaths, STRATEGIES.oauth.notesPath];
  test(`signed in with a provider: ${OAUTH.join(", ")}`, async ({ oauthUser: { page } }) => {
    await checkEveryPage(page, OAUTH);
  });

  // The largest page state there is: one test per page, light then dark in the same load.
  for (const path of ["/lab", "/tour"])
    test(`signed in three ways: ${path}`, async ({ sessionUser: { page, person } }) => {
      await signInOverHttp(page, "jwt", person);
      await signInWithProviderOverHttp(page, "google", newIdentity());
      await checkEveryPage(page, [path]);
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
