import { expect, SHORT_LIVED_URL, STRATEGIES, test } from "./fixtures";

// A first-time visitor, no account: from the home page to a first "attack refused" through the
// tour, in one click to sign in and one per experiment. Then the tour ticks off what was run.

test("the tour: from the navigation, a demo person in one click, three experiments, each ticked off, to the end", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tour" }).click();
  await expect(page.getByTestId("tour-step-1")).toHaveAttribute("data-done", "false");

  await page.getByRole("button", { name: "Sign in both ways as a demo person" }).click();
  await expect(page.getByTestId("tour-step-1")).toHaveAttribute("data-done", "true");
  for (const id of ["session", "jwt"])
    await expect(page.getByTestId(`status-${id}`)).toContainText("signed in as Demo");

  await page.getByTestId("tour-step-2").getByRole("link", { name: "Open the lab" }).click();
  await expect(page).toHaveURL(/\/lab#lab-columns$/);
  await expect(page.getByTestId("lab-column-session")).toContainText("Signed in as");
  // The lab says where the tour is, and links the next step.
  const bar = page.getByTestId("tour-bar");
  await expect(bar).toContainText("step 3 of 3 · next: Tamper with a token");
  await expect(bar.getByRole("link", { name: "Tamper with a token" })).toHaveAttribute(
    "href",
    "/lab#experiment-tamper",
  );

  for (const [name, button] of [
    ["tamper", "Tamper and present"],
    ["forged-alg", "Present the forgeries"],
    ["replay", "Sign out and replay (signs you out)"],
  ] as const) {
    const card = page.getByTestId(`experiment-${name}`);
    await card.getByRole("button", { name: button }).click();
    await expect(card.getByTestId("result")).toHaveAttribute(
      "data-outcome",
      name === "replay" ? "partly" : "refused",
    );
    if (name === "tamper") await expect(bar).toContainText("next: Forge the algorithm");
  }
  await expect(page.getByTestId("experiment-tamper").getByTestId("verdict-headline")).toHaveText(
    "Attack refused",
  );
  await expect(bar).toHaveAttribute("data-step", "complete");
  await expect(bar).toContainText("Tour complete.");

  // The replay signed the demo person out: what was done stays done, and the tour says it's over.
  await page.goto("/tour");
  for (const id of ["session", "jwt"])
    await expect(page.getByTestId(`status-${id}`)).toContainText("signed out");
  for (const step of [1, 2, 3])
    await expect(page.getByTestId(`tour-step-${step}`)).toHaveAttribute("data-done", "true");
  for (const id of ["tamper", "forged-alg", "replay"])
    await expect(page.getByTestId(`tour-experiment-${id}`)).toHaveAttribute("data-done", "true");
  await expect(page.getByRole("heading", { name: /^Tour complete/ })).toBeVisible();
});

test("demo people can be turned off: no one-click sign-in anywhere, registering instead", async ({
  page,
}) => {
  for (const path of ["/tour", STRATEGIES.session.loginPath, STRATEGIES.jwt.loginPath]) {
    await page.goto(`${SHORT_LIVED_URL}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("demo-sign-in")).toHaveCount(0);
    await page.goto(path);
    await expect(page.getByTestId("demo-sign-in")).toHaveCount(1);
  }
  await page.goto(`${SHORT_LIVED_URL}/tour`);
  await expect(
    page.getByTestId("tour-step-1").getByRole("link", { name: "create one" }),
  ).toBeVisible();
});
