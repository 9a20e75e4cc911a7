import type { Page } from "@playwright/test";
import { expectAccessible, seriousViolations } from "./axe";
import {
  expect,
  newIdentity,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGIES,
  test,
} from "./fixtures";

// Every page, in every state it has, on a 360 px phone: nothing wider than the screen, no serious
// axe finding in light mode (tap targets included), and the colours again in dark mode. Then the
// home page with its header and footer on a desktop, and the keyboard basics. Two states are
// checked where layout.spec.ts has them already: the lab signed in three ways on a phone, and its
// columns side by side signed in two ways on a desktop.

const PHONE = { width: 360, height: 740 };

/** Each page checked by expectAccessible, light and dark in one load. */
async function checkEveryPage(page: Page, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await page.goto(path);
    await expectAccessible(page, path);
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

  // A large page state: the tour signed in three ways (the lab's is layout.spec.ts's).
  test("signed in three ways: /tour", async ({ sessionUser: { page, person } }) => {
    await signInOverHttp(page, "jwt", person);
    await signInWithProviderOverHttp(page, "google", newIdentity());
    await checkEveryPage(page, ["/tour"]);
  });
});

test.describe("wide layouts", () => {
  test("the home page can be used from the keyboard, skip link first, and has no serious violations, header and footer included", async ({
    page,
  }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
