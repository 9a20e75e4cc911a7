import {
  COOKIES,
  expect,
  signInEverywhereOverHttp,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGY_IDS,
  test,
} from "./fixtures";

// The lab's first part: three columns of live state, what scripts can read, measured guard
// costs, the timeline. Every assertion is about what the page shows after real requests.

test.describe("the lab", () => {
  test("to a stranger: the home page's trade-off rows each link to the part of the lab that proves it; the lab shows three signed-out columns, each with a way in", async ({
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

    for (const id of STRATEGY_IDS) {
      const column = page.getByTestId(`lab-column-${id}`);
      await expect(column.getByText("Signed out.")).toBeVisible();
      await expect(column.getByRole("link", { name: "Sign in" })).toBeVisible();
    }
    await expect(page.getByTestId("script-cookies")).toHaveText(
      "nothing: every auth cookie is HttpOnly",
    );
  });

  test("shows what the browser and the server hold, with nothing replayable", async ({
    sessionUser: { page, person },
  }) => {
    await signInOverHttp(page, "jwt", person);
    const jar = await page.context().cookies();
    const accessToken = jar.find((c) => c.name === COOKIES.jwtAccess)?.value ?? "";
    const seal = jar.find((c) => c.name === COOKIES.session)?.value ?? "";
    expect(accessToken).toMatch(/^eyJ/);

    await page.goto("/lab");
    const session = page.getByTestId("lab-column-session");
    await expect(session).toContainText(`Signed in as ${person.email}`);
    await expect(session.getByTestId("lab-cookie")).toContainText(/auth-lab\.session · \d+ bytes/);
    await expect(session).toContainText("HttpOnly; SameSite=Lax; Path=/");
    await expect(session.getByText(/^[0-9a-f]{8}…$/)).toBeVisible(); // the row id, redacted

    const jwt = page.getByTestId("lab-column-jwt");
    await expect(jwt).toContainText("encoded, not encrypted");
    // The token taken apart has a full-width row under the columns.
    await expect(
      page.getByTestId("lab-jwt-decoded").getByTestId("token-header").locator('[data-claim="typ"]'),
    ).toContainText('"at+jwt"');
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

  test("describes every cookie exactly as the browser received it", async ({
    page,
    person,
    identity,
  }) => {
    await signInEverywhereOverHttp(page, person, identity, "github");
    const jar = await page.context().cookies();
    await page.goto("/lab");
    const described = page.getByTestId("lab-cookie");
    await expect(described).toHaveCount(4);
    for (const item of await described.all()) {
      const name = (await item.getAttribute("data-name")) ?? "";
      const cookie = jar.find((candidate) => candidate.name === name);
      expect(cookie, `the browser holds ${name}`).toBeDefined();
      expect(
        {
          name,
          httpOnly: await item.getAttribute("data-http-only"),
          sameSite: await item.getAttribute("data-same-site"),
          secure: await item.getAttribute("data-secure"),
          path: await item.getAttribute("data-path"),
        },
        name,
      ).toEqual({
        name,
        httpOnly: String(cookie?.httpOnly),
        sameSite: cookie?.sameSite,
        secure: String(cookie?.secure),
        path: cookie?.path,
      });
      // The lifetime the lab states is the one the browser was told, to the minute.
      const stated = Number(await item.getAttribute("data-lifetime"));
      const received = (cookie?.expires ?? 0) - Date.now() / 1000;
      expect(
        Math.abs(stated - received),
        `${name}: ${stated} s stated, ${received} s received`,
      ).toBeLessThan(120);
    }
  });

  test("times each guard on this server with the browser's own credentials, beside the benchmark", async ({
    sessionUser: { page, person },
    identity,
  }) => {
    await page.goto("/lab");
    const measure = page.getByRole("button", { name: "Time each guard on this server" });
    // Signed in with sessions only: the other guards say what they need.
    await measure.click();
    await expect(page.getByTestId("cost-session")).toHaveAttribute("data-status", "ok");
    // A passkey assertion's check needs nothing of this browser's: measured for everyone.
    await expect(page.getByTestId("cost-passkey")).toHaveAttribute("data-status", "ok");
    for (const id of ["jwt-checked", "jwt-stateless", "oauth", "signature"])
      await expect(page.getByTestId(`cost-${id}`)).toContainText(/sign in with/);

    await signInOverHttp(page, "jwt", person);
    await signInWithProviderOverHttp(page, "google", identity);
    await measure.click();
    for (const id of ["session", "jwt-checked", "jwt-stateless", "oauth", "signature", "passkey"]) {
      const row = page.getByTestId(`cost-${id}`);
      await expect(row).toHaveAttribute("data-status", "ok");
      const [median = 0, p95 = 0] = ((await row.textContent()) ?? "")
        .match(/\d[\d,]* µs/g)!
        .map((figure) => Number(figure.replace(/[^\d]/g, "")));
      // A guard's own work: more than nothing, less than a tenth of a second, p95 ≥ median.
      expect(median, id).toBeGreaterThan(0);
      expect(median, id).toBeLessThan(100_000);
      expect(p95, id).toBeGreaterThanOrEqual(median);
    }
    // Each guard names its steps: the main server keeps sessions in Redis, the checked JWT
    // verifier asks the database after the signature.
    await expect(page.getByTestId("cost-session")).toContainText(/(Redis|database) \d/);
    await expect(page.getByTestId("cost-jwt-checked")).toContainText(/signature \d.*database \d/);
    await expect(page.getByTestId("cost-jwt-stateless")).not.toContainText("database");
    await expect(page.getByTestId("cost-verdict")).toContainText(
      "one signature check from scratch",
    );
    // The benchmark over HTTP, the README's run, with every route's ratio to the baseline.
    const figures = page.getByTestId("http-figures");
    await expect(figures).toContainText("npm run bench:http");
    await expect(page.getByTestId("http-baseline").locator("[data-ratio]")).toHaveText("1.00");
    for (const id of ["session", "jwt-checked", "jwt-stateless", "oauth"])
      await expect(page.getByTestId(`http-${id}`).locator("[data-ratio]")).toHaveText(
        /^[01]\.\d\d$/,
      );
  });

  test("the timeline updates without a reload", async ({ jwtUser: { page } }) => {
    await page.goto("/lab");
    const timeline = page.getByTestId("timeline-jwt");
    await expect(timeline).toContainText("token.issued");
    await expect(timeline).not.toContainText("token.refreshed");
    const refresh = await page.request.post("/api/jwt/refresh");
    expect(refresh.status()).toBe(200);
    // The next poll after the refresh brings it.
    await page.waitForResponse((response) => response.url().endsWith("/api/lab/events"));
    await expect(timeline).toContainText("token.refreshed");
  });
});
