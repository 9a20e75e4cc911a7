import { CONTRAST_ONLY, seriousViolations } from "./axe";
import { expect, signInOverHttp, STRATEGIES, test } from "./fixtures";

// Keyboard and screen-reader basics, checked by axe once per distinct page state: every page
// signed out and signed in, in light mode, scoped to the page's own content once the shared
// header has been checked; in dark mode, the colours again.

const PUBLIC_PAGES = [
  "/register",
  STRATEGIES.session.loginPath,
  STRATEGIES.jwt.loginPath,
  STRATEGIES.oauth.loginPath,
  "/oauth/link",
  "/lab",
  "/notes",
];
const MAIN = { include: "#main" };

test.describe("accessibility", () => {
  test("the home page, header and footer included, has no serious violations", async ({ page }) => {
    await page.goto("/");
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const path of PUBLIC_PAGES) {
    test(`${path} has no serious violations`, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page, MAIN)).toEqual([]);
    });
  }

  test("server-session pages, and the header signed in, have no serious violations", async ({
    sessionUser: { page },
  }) => {
    await page.goto(STRATEGIES.session.href);
    expect(await seriousViolations(page, { include: "header" })).toEqual([]);
    for (const path of [...STRATEGIES.session.protectedPaths, STRATEGIES.session.notesPath]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page, MAIN) }).toEqual({
        path,
        violations: [],
      });
    }
  });

  test("JWT pages have no serious violations", async ({ jwtUser: { page } }) => {
    for (const path of [...STRATEGIES.jwt.protectedPaths, STRATEGIES.jwt.notesPath]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page, MAIN) }).toEqual({
        path,
        violations: [],
      });
    }
  });

  test("OAuth pages have no serious violations", async ({ oauthUser: { page } }) => {
    for (const path of [...STRATEGIES.oauth.protectedPaths, STRATEGIES.oauth.notesPath]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page, MAIN) }).toEqual({
        path,
        violations: [],
      });
    }
  });

  test("the lab with two strategies signed in has no serious violations", async ({
    sessionUser: { page, person },
  }) => {
    await signInOverHttp(page, "jwt", person);
    await page.goto("/lab");
    expect(await seriousViolations(page, MAIN)).toEqual([]);
  });

  test("the page can be used from the keyboard: skip link first", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe("accessibility in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("signed-out pages keep their contrast in dark mode", async ({ page }) => {
    for (const path of ["/", "/register", "/lab"]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page, CONTRAST_ONLY) }).toEqual({
        path,
        violations: [],
      });
    }
  });

  test("signed-in pages keep their contrast in dark mode", async ({
    sessionUser: { page, person },
  }) => {
    await signInOverHttp(page, "jwt", person);
    for (const path of ["/session/devices", "/jwt/tokens", "/lab"]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page, CONTRAST_ONLY) }).toEqual({
        path,
        violations: [],
      });
    }
  });
});
