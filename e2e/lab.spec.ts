import {
  expect,
  JWT_COOKIES,
  SESSION_COOKIE,
  signInWithJwt,
  signInWithSession,
  test,
} from "./fixtures";

// The lab's first part: three columns of live state, what scripts can read, measured guard
// costs, the timeline. Every assertion is about what the page shows after real requests.

test.describe("the lab", () => {
  test("shows three signed-out columns to a stranger, each with a way in", async ({ page }) => {
    await page.goto("/lab");
    for (const id of ["session", "jwt", "oauth"]) {
      const column = page.getByTestId(`lab-column-${id}`);
      await expect(column.getByText("Signed out.")).toBeVisible();
      await expect(column.getByRole("link", { name: "Sign in" })).toBeVisible();
    }
    await expect(page.getByTestId("script-cookies")).toHaveText(
      "nothing: every auth cookie is HttpOnly",
    );
  });

  test("shows what the browser and the server hold, with nothing replayable", async ({
    page,
    person,
  }) => {
    await signInWithSession(page, person);
    await signInWithJwt(page, person);
    const accessToken =
      (await page.context().cookies()).find((c) => c.name === JWT_COOKIES.access)?.value ?? "";
    const seal =
      (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)?.value ?? "";
    expect(accessToken).toMatch(/^eyJ/);

    await page.goto("/lab");
    const session = page.getByTestId("lab-column-session");
    await expect(session).toContainText(`Signed in as ${person.email}`);
    await expect(session.getByTestId("lab-cookie")).toContainText(/auth-lab\.session · \d+ bytes/);
    await expect(session).toContainText("HttpOnly; SameSite=Lax; Path=/");
    await expect(session.getByText(/^[0-9a-f]{8}…$/)).toBeVisible(); // the row id, redacted

    const jwt = page.getByTestId("lab-column-jwt");
    await expect(jwt).toContainText("encoded, not encrypted");
    await expect(jwt).toContainText('"typ": "at+jwt"');
    await expect(jwt).toContainText("never sent to this page (its Path)");
    await expect(jwt.getByTestId("lab-family").first()).toHaveAttribute("data-state", "active");

    // HttpOnly in practice: the page's own scripts see none of these cookies.
    await expect(page.getByTestId("script-cookies")).toHaveText(
      "nothing: every auth cookie is HttpOnly",
    );
    expect(await page.evaluate(() => document.cookie)).toBe("");

    // Redaction: no credential and no full hash in the page or the lab's API.
    const html = await page.content();
    const events = await (await page.request.get("/api/lab/events")).text();
    for (const body of [html, events]) {
      expect(body).not.toContain(accessToken);
      expect(body).not.toContain(seal);
      expect(body).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  test("measures each signed-in guard from its Server-Timing header", async ({ page, person }) => {
    await signInWithSession(page, person);
    await signInWithJwt(page, person);
    await page.goto("/lab");
    await page.getByRole("button", { name: /Measure each guard/ }).click();
    await expect(page.getByTestId("cost-session")).toContainText(/\d+ µs.*\d+ µs/);
    await expect(page.getByTestId("cost-session")).toContainText("the database lookup dominates");
    await expect(page.getByTestId("cost-jwt")).toContainText(/\d+ µs/);
    await expect(page.getByTestId("cost-oauth")).toContainText(
      "sign in under this strategy to measure it",
    );
  });

  test("each strategy's route handlers report the guard's steps in Server-Timing", async ({
    page,
    person,
  }) => {
    await signInWithSession(page, person);
    await signInWithJwt(page, person);
    const shape = /^([\w-]+;dur=\d+(\.\d+)?)(, [\w-]+;dur=\d+(\.\d+)?)*$/;
    const session = await page.request.get("/api/session/notes");
    expect(session.headers()["server-timing"]).toMatch(shape);
    expect(session.headers()["server-timing"]).toMatch(/unseal;dur=.*db;dur=/);
    const jwt = await page.request.get("/api/jwt/notes");
    expect(jwt.headers()["server-timing"]).toMatch(shape);
    expect(jwt.headers()["server-timing"]).toMatch(/verify;dur=.*db;dur=/);
  });

  test("the timeline updates without a reload", async ({ page, person }) => {
    await signInWithJwt(page, person);
    await page.goto("/lab");
    const timeline = page.getByTestId("timeline-jwt");
    await expect(timeline).toContainText("token.issued");
    await expect(timeline).not.toContainText("token.refreshed");
    const refresh = await page.request.post("/api/jwt/refresh");
    expect(refresh.status()).toBe(200);
    await expect(timeline).toContainText("token.refreshed", { timeout: 10_000 });
  });
});

test("each trade-off row on the home page links to the part of the lab that proves it", async ({
  page,
}) => {
  await page.goto("/");
  const links = page
    .getByRole("table", { name: "How the three strategies compare" })
    .getByRole("link");
  const hrefs = await links.evaluateAll((anchors) =>
    anchors.map((a) => a.getAttribute("href") ?? ""),
  );
  expect(hrefs.length).toBe(10);
  await page.goto("/lab");
  for (const href of new Set(hrefs)) {
    const [path, id] = href.split("#");
    expect(path).toBe("/lab");
    await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  }
});
