import {
  expect,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGIES,
  STRATEGY_IDS,
  test,
} from "./fixtures";

test.describe("platform", () => {
  test("health reports a reachable database and Redis, and names the instance", async ({
    request,
  }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: "reachable",
      redis: "reachable",
      sessions: "redis",
      instance: expect.any(String),
    });
    expect(response.headers()["x-instance"]).toBeTruthy();
  });

  test("pages carry security headers and a per-request CSP nonce", async ({ request }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const headers = first.headers();
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
  });

  test("the home page explains the models and runs its scripts under the CSP", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await expect(
      page.getByRole("heading", { name: "Three ways to sign in, side by side" }),
    ).toBeVisible();
    await expect(
      page.getByRole("table", { name: "How the three strategies compare" }),
    ).toBeVisible();
    // Client navigation works only if Next.js's scripts were allowed to run.
    await page.getByRole("link", { name: "Start the 60-second tour" }).click();
    await expect(
      page.getByRole("heading", { name: "Start here: the 60-second tour" }),
    ).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the header shows the sign-in state of each strategy: all signed out, then all signed in", async ({
    page,
    person,
    identity,
  }) => {
    await page.goto("/");
    const status = page.getByRole("region", { name: "Sign-in status" });
    for (const id of STRATEGY_IDS) {
      const pill = status.getByTestId(`status-${id}`);
      await expect(pill, id).toContainText(`${STRATEGIES[id].short}:`);
      await expect(pill, id).toContainText("signed out");
    }

    await signInOverHttp(page, "session", person);
    await signInOverHttp(page, "jwt", person);
    await signInWithProviderOverHttp(page, "github", identity);
    await page.goto("/");
    await expect(status.getByTestId("status-session")).toContainText(`signed in as ${person.name}`);
    await expect(status.getByTestId("status-jwt")).toContainText(`signed in as ${person.name}`);
    await expect(status.getByTestId("status-oauth")).toContainText(`signed in as ${identity.name}`);
  });
});
