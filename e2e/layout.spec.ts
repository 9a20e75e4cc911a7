import type { Locator, Page } from "@playwright/test";
import { CONTRAST_ONLY, expectAccessible, seriousViolations } from "./axe";
import { expect, signInEverywhereOverHttp, signInOverHttp, test } from "./fixtures";

// The layout a learner finds their way with: on a desktop the lab's table of contents stays in view
// and its three columns stay comparable; on a phone the signed-in header stays short and every
// control is big enough to tap (WCAG 2.2's 24 × 24 CSS px). Each state's axe checks are here too,
// in the same load: a11y.spec.ts checks every other page and state.

const PHONE = { width: 390, height: 844 };
const TARGET = 24;

/** The controls among `targets` (visible ones) smaller than 24 × 24, named by their text. */
async function tooSmall(targets: Locator): Promise<string[]> {
  return targets.evaluateAll(
    (elements, min) =>
      elements
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .filter(({ box }) => box.width < min || box.height < min)
        .map(
          ({ element, box }) =>
            `${element.textContent?.trim().slice(0, 40) || element.outerHTML.slice(0, 60)}: ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    TARGET,
  );
}

/** Where the element's top is in the window, once it has stopped moving. */
const topOf = (page: Page, selector: string) =>
  page.evaluate((css) => document.querySelector(css)?.getBoundingClientRect().top ?? -1, selector);

test("a desktop lab: no serious axe finding in its columns side by side, light or dark; the contents stay in view to the end, anchors clear the top edge, the columns stay comparable", async ({
  sessionUser: { page, person },
}) => {
  await signInOverHttp(page, "jwt", person);
  await page.goto("/lab");
  // The columns only: the whole lab is scanned on a phone below; here it is their wide layout.
  const columns = { include: 'section[aria-labelledby="lab-columns"]' };
  expect(await seriousViolations(page, columns)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousViolations(page, { ...columns, ...CONTRAST_ONLY })).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });

  // Signed in both ways, the JWT column is about as tall as the session one: its long parts (the
  // token taken apart) have a full-width row of their own.
  const height = async (id: string) =>
    (await page.getByTestId(`lab-column-${id}`).boundingBox())!.height;
  const [session, jwt] = [await height("session"), await height("jwt")];
  expect(
    jwt,
    `the JWT column (${jwt} px) beside the session one (${session} px)`,
  ).toBeLessThanOrEqual(1.25 * session);
  await expect(page.getByTestId("lab-jwt-decoded").getByTestId("token-payload")).toBeVisible();

  // The wide screen's contents (the phone's folded copy is hidden).
  const contents = page.getByTestId("lab-contents").locator(":scope > div");
  await contents.getByRole("link", { name: "Replay a stolen credential after sign-out" }).click();
  await expect(page).toHaveURL(/#experiment-replay$/);
  await expect.poll(() => topOf(page, "#experiment-replay")).toBeGreaterThanOrEqual(8);

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(contents).toBeInViewport();
  const box = await contents.evaluate((element) => element.getBoundingClientRect());
  const viewport = page.viewportSize()!;
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(viewport.height);
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("signed in three ways: a short header, and every control in the lab's contents and the interview at least 24 × 24; the lab at 360 px passes a11y.spec.ts's checks", async ({
    page,
    person,
    identity,
  }) => {
    await signInEverywhereOverHttp(page, person, identity);
    await page.goto("/interview");
    const header = page.getByRole("banner");
    for (const id of ["session", "jwt", "oauth"])
      await expect(page.getByTestId(`status-${id}`)).toContainText("signed in as");
    for (const width of [PHONE.width, 360]) {
      await page.setViewportSize({ ...PHONE, width });
      const { height } = (await header.boundingBox())!;
      expect(height, `the header at ${width} px`).toBeLessThanOrEqual(120);
    }
    expect(await tooSmall(header.locator("a, button"))).toEqual([]);
    expect(await tooSmall(page.getByRole("checkbox"))).toEqual([]);
    expect(
      await tooSmall(page.getByRole("navigation", { name: "Topics" }).getByRole("link")),
    ).toEqual([]);

    // The lab, now 360 px wide, as a11y.spec.ts checks every page on a phone.
    await page.goto("/lab");
    await expectAccessible(page, "/lab, signed in three ways");
    const nav = page.getByTestId("lab-contents");
    await nav.getByText("Contents", { exact: true }).click();
    await expect(nav.getByRole("link", { name: "Timeline" })).toBeVisible();
    expect(await tooSmall(nav.locator("a, summary"))).toEqual([]);

    // Following a link folds the contents again, and the heading lands below their bar.
    await nav.getByRole("link", { name: "Lifetimes" }).click();
    await expect(page).toHaveURL(/#lifetimes-heading$/);
    await expect(nav.getByRole("link", { name: "Timeline" })).toBeHidden();
    const bar = (await nav.boundingBox())!;
    await expect
      .poll(() => topOf(page, "#lifetimes-heading"))
      .toBeGreaterThanOrEqual(bar.y + bar.height);
  });
});
