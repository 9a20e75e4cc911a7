import type { Browser, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, type Person, randomIp, signInWithJwt, signInWithSession, test } from "./fixtures";

// The expiry experiment, on the main server with its default lifetimes: the lab shortens only
// this browser's session (to 3 s idle) and JWT family (4 s access tokens; playwright.config.ts
// sets LAB_*), and the person's other device keeps the defaults throughout.

async function otherDevice(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  return context.newPage();
}

async function sessionStatus(page: Page): Promise<number> {
  return (await page.request.get("/api/session/me")).status();
}

async function shorten(page: Page): Promise<void> {
  await page.goto("/lab");
  await page.getByRole("button", { name: "Shorten my lifetimes" }).click();
}

/** The person signs in on a second device, then on this one, and shortens this one's lifetimes. */
async function shortenOneOfTwo(
  signIn: (page: Page, person: Person) => Promise<void>,
  {
    page,
    person,
    browser,
    baseURL,
  }: { page: Page; person: Person; browser: Browser; baseURL?: string },
): Promise<Page> {
  const laptop = await otherDevice(browser, baseURL);
  await signIn(laptop, person);
  await signIn(page, person);
  await shorten(page);
  return laptop;
}

test.describe("lab: expiry, sped up for one visitor", () => {
  test.describe.configure({ timeout: 60_000 });

  test("a request slides the shortened idle window; without one the session ends, elsewhere it lives on", async ({
    page,
    person,
    browser,
    baseURL,
  }) => {
    const laptop = await shortenOneOfTwo(signInWithSession, { page, person, browser, baseURL });

    const panel = page.getByTestId("expiry-session");
    await expect(panel.getByTestId("idle-timeout")).toHaveText("3 s");

    // Four requests a second apart outlast the 3 s timeout: each one was accepted, and moved the
    // deadline (the server writes it at most every third of the timeout, here 1 s).
    for (let i = 0; i < 4; i++) {
      await page.waitForTimeout(1000);
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith("/api/session/me")),
        panel.getByRole("button", { name: "Make a request (slides the window)" }).click(),
      ]);
      expect(response.status()).toBe(200);
    }
    await expect(panel.getByTestId("expiry-session-result")).toContainText(
      "GET /api/session/me → 200",
    );

    // Then nothing: the panel's one check after the deadline finds the session gone.
    await expect(panel.getByTestId("expiry-session-result")).toContainText(
      "GET /api/session/me → 401 session_expired",
      { timeout: 10_000 },
    );
    await expect(page.getByTestId("lab-column-session").getByText("Signed out.")).toBeVisible();
    expect(await sessionStatus(page)).toBe(401);

    // The other device never had its lifetime shortened, and its timeline shows what happened.
    expect(await sessionStatus(laptop)).toBe(200);
    await laptop.goto("/lab");
    await expect(laptop.getByTestId("expiry-session").getByTestId("idle-timeout")).toHaveText(
      "1800 s",
    );
    const timeline = laptop.getByTestId("timeline-session");
    await expect(timeline).toContainText("lifetime.shortened");
    await expect(timeline).toContainText("session.expired");
    await laptop.context().close();
  });

  test("the short access token is refreshed silently, expires when refresh is paused, and comes back on resume", async ({
    page,
    person,
    browser,
    baseURL,
  }) => {
    const laptop = await shortenOneOfTwo(signInWithJwt, { page, person, browser, baseURL });

    const panel = page.getByTestId("expiry-jwt");
    await expect(panel.getByTestId("access-ttl")).toHaveText("4 s");
    expect(await seriousViolations(page)).toEqual([]);
    // The header's keeper replaces the token before it runs out; the probe never sees a refusal.
    await expect(panel.getByTestId("silent-refreshes")).not.toHaveText("0", { timeout: 10_000 });
    await expect(panel.getByTestId("expiry-jwt-probe")).toContainText("GET /api/jwt/me → 200");

    // Paused, the token runs out: refused from exp plus the 5 s clock tolerance.
    await panel.getByLabel("Pause silent refresh, to watch the token expire").check();
    await expect(panel.getByTestId("expiry-jwt-probe")).toContainText(
      "GET /api/jwt/me → 401 token_expired",
      { timeout: 15_000 },
    );
    const refreshesWhilePaused = await panel.getByTestId("silent-refreshes").textContent();

    // Resumed, the keeper refreshes at once and the next probe is accepted again.
    await panel.getByLabel("Pause silent refresh, to watch the token expire").uncheck();
    await expect(panel.getByTestId("expiry-jwt-probe")).toContainText("GET /api/jwt/me → 200", {
      timeout: 10_000,
    });
    await expect(panel.getByTestId("silent-refreshes")).not.toHaveText(refreshesWhilePaused ?? "");
    await expect(page.getByTestId("timeline-jwt")).toContainText("lifetime.shortened");
    await expect(page.getByTestId("timeline-jwt")).toContainText("token.refreshed");

    // The other device's family keeps the configured 15-minute tokens, even after refreshing.
    const refreshed = await laptop.request.post("/api/jwt/refresh");
    expect(((await refreshed.json()) as { expires_in: number }).expires_in).toBe(900);
    const me = await laptop.request.get("/api/jwt/me");
    const { claims } = (await me.json()) as { claims: { iat: number; exp: number } };
    expect(claims.exp - claims.iat).toBe(900);
    await laptop.context().close();
  });

  test("shortening needs a session or a JWT sign-in, and refuses a cross-site request", async ({
    page,
    person,
  }) => {
    await page.goto("/lab");
    await page.getByRole("button", { name: "Shorten my lifetimes" }).click();
    await expect(page.getByTestId("experiment-expiry")).toContainText(
      "Sign in with a server session or a JWT first",
    );

    await signInWithSession(page, person);
    const forged = await page.request.post("/api/lab/lifetimes", {
      headers: { origin: "http://127.0.0.1:9" },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toEqual({
      error: { code: "forbidden", message: "Cross-site requests are not allowed here." },
    });
    await page.goto("/lab");
    await expect(page.getByTestId("expiry-session").getByTestId("idle-timeout")).toHaveText(
      "1800 s",
    );
  });
});
