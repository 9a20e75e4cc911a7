import { seriousViolations } from "./axe";
import { expect, signInWithJwt, signInWithSession, test } from "./fixtures";

// Keyboard and screen-reader basics, checked by axe: no serious or critical violation on the home
// page, each strategy's pages, and the lab.

const PUBLIC_PAGES = [
  "/",
  "/register",
  "/session/login",
  "/jwt/login",
  "/oauth/login",
  "/oauth/link",
  "/lab",
  "/notes",
];

test.describe("accessibility", () => {
  for (const path of PUBLIC_PAGES) {
    test(`${path} has no serious violations`, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("signed-in strategy pages and the lab have no serious violations", async ({
    page,
    person,
  }) => {
    await signInWithSession(page, person);
    await signInWithJwt(page, person);
    for (const path of [
      "/session",
      "/session/devices",
      "/session/password",
      "/jwt",
      "/jwt/tokens",
      "/notes?via=session",
      "/lab",
    ]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
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

  test("signed-in pages have no serious violations in dark mode either", async ({
    page,
    person,
  }) => {
    await signInWithSession(page, person);
    await signInWithJwt(page, person);
    for (const path of ["/", "/session/devices", "/jwt/tokens", "/lab", "/register"]) {
      await page.goto(path);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });
});
