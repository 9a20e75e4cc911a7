import type { Locator, Page, Response } from "@playwright/test";
import { seriousViolations } from "./axe";
import {
  DEFAULTS,
  expect,
  JWT_REFRESH_PATH,
  MAIN_SETTINGS,
  type NewBrowser,
  type Person,
  signInOverHttp,
  test,
} from "./fixtures";

// The expiry experiment, on the main server with its default lifetimes: the lab shortens only
// this browser's session and JWT family (to LAB_SESSION_IDLE_SECONDS and LAB_ACCESS_TTL_SECONDS,
// set in e2e/support/servers.ts), and the person's other device keeps the defaults throughout.
// The waits are for the page's own requests and their answers, never for a fixed time.

const IDLE_SECONDS = MAIN_SETTINGS.LAB_SESSION_IDLE_SECONDS;
const ACCESS_SECONDS = MAIN_SETTINGS.LAB_ACCESS_TTL_SECONDS;

async function sessionStatus(page: Page): Promise<number> {
  return (await page.request.get("/api/session/me")).status();
}

/** The page's next answer from `path` with `status`, however long the page takes to ask. */
function answer(page: Page, path: string, status: number): Promise<Response> {
  return page.waitForResponse(
    (response) => new URL(response.url()).pathname === path && response.status() === status,
  );
}

async function shorten(page: Page): Promise<void> {
  await page.goto("/lab");
  await page.getByRole("button", { name: "Shorten my lifetimes" }).click();
}

/** Each strategy's panel, and the lifetime the lab shortens for this browser. */
const SHORTENED = {
  session: { panel: "expiry-session", lifetime: "idle-timeout", seconds: IDLE_SECONDS },
  jwt: { panel: "expiry-jwt", lifetime: "access-ttl", seconds: ACCESS_SECONDS },
};

/**
 * The person signs in on a second device, then on this one, and shortens this one's lifetimes:
 * the strategy's panel (returned, with the other device's page) shows the short one.
 */
async function shortenOneOfTwo(
  strategy: "session" | "jwt",
  { page, person, newBrowser }: { page: Page; person: Person; newBrowser: NewBrowser },
): Promise<{ laptop: Page; panel: Locator }> {
  const laptop = await newBrowser();
  await signInOverHttp(laptop.page, strategy, person);
  await signInOverHttp(page, strategy, person);
  await shorten(page);
  const { panel, lifetime, seconds } = SHORTENED[strategy];
  await expect(page.getByTestId(panel).getByTestId(lifetime)).toHaveText(`${seconds} s`);
  return { laptop: laptop.page, panel: page.getByTestId(panel) };
}

test.describe("lab: expiry, sped up for one visitor", () => {
  test("a request slides the shortened idle window; without one the session ends, elsewhere it lives on", async ({
    page,
    person,
    newBrowser,
  }) => {
    const { laptop, panel } = await shortenOneOfTwo("session", { page, person, newBrowser });

    // Requests about a third of the timeout apart, for longer than the timeout: each one was
    // accepted, and moved the deadline (the server writes it at most every third of the timeout).
    const started = Date.now();
    const statuses: number[] = [];
    await expect
      .poll(
        async () => {
          const [response] = await Promise.all([
            answer(page, "/api/session/me", 200).catch(() => null),
            panel.getByRole("button", { name: "Make a request (slides the window)" }).click(),
          ]);
          statuses.push(response?.status() ?? 0);
          return Date.now() - started > (IDLE_SECONDS + 1) * 1000;
        },
        { intervals: [(IDLE_SECONDS * 1000) / 3], timeout: (IDLE_SECONDS + 10) * 1000 },
      )
      .toBe(true);
    expect(
      statuses.every((status) => status === 200),
      statuses.join(", "),
    ).toBe(true);
    await expect(panel.getByTestId("expiry-session-result")).toContainText(
      "GET /api/session/me → 200",
    );

    // Then nothing: the panel's one check after the deadline finds the session gone.
    await answer(page, "/api/session/me", 401);
    await expect(panel.getByTestId("expiry-session-result")).toContainText(
      "GET /api/session/me → 401 session_expired",
    );
    await expect(page.getByTestId("lab-column-session").getByText("Signed out.")).toBeVisible();
    expect(await sessionStatus(page)).toBe(401);

    // The other device never had its lifetime shortened, and its timeline shows what happened.
    expect(await sessionStatus(laptop)).toBe(200);
    await laptop.goto("/lab");
    await expect(laptop.getByTestId("expiry-session").getByTestId("idle-timeout")).toHaveText(
      `${DEFAULTS.SESSION_IDLE_TIMEOUT_SECONDS} s`,
    );
    const timeline = laptop.getByTestId("timeline-session");
    await expect(timeline).toContainText("lifetime.shortened");
    await expect(timeline).toContainText("session.expired");
  });

  test("the short access token is refreshed silently, expires when refresh is paused, and comes back on resume", async ({
    page,
    person,
    newBrowser,
  }) => {
    const { laptop, panel } = await shortenOneOfTwo("jwt", { page, person, newBrowser });
    expect(await seriousViolations(page, { include: '[data-testid="experiment-expiry"]' })).toEqual(
      [],
    );
    // The header's keeper replaces the token before it runs out; the probe never sees a refusal.
    await answer(page, JWT_REFRESH_PATH, 200);
    await expect(panel.getByTestId("silent-refreshes")).not.toHaveText("0");
    await answer(page, "/api/jwt/me", 200);
    await expect(panel.getByTestId("expiry-jwt-probe")).toContainText("GET /api/jwt/me → 200");

    // Paused, the token runs out: refused from exp plus the clock tolerance.
    await panel.getByLabel("Pause silent refresh, to watch the token expire").check();
    await answer(page, "/api/jwt/me", 401);
    await expect(panel.getByTestId("expiry-jwt-probe")).toContainText(
      "GET /api/jwt/me → 401 token_expired",
    );
    const refreshesWhilePaused = await panel.getByTestId("silent-refreshes").textContent();

    // Resumed, the keeper refreshes at once and the next probe is accepted again.
    const refreshed = answer(page, JWT_REFRESH_PATH, 200);
    await panel.getByLabel("Pause silent refresh, to watch the token expire").uncheck();
    await refreshed;
    await answer(page, "/api/jwt/me", 200);
    await expect(panel.getByTestId("expiry-jwt-probe")).toContainText("GET /api/jwt/me → 200");
    await expect(panel.getByTestId("silent-refreshes")).not.toHaveText(refreshesWhilePaused ?? "");
    await expect(page.getByTestId("timeline-jwt")).toContainText("lifetime.shortened");
    await expect(page.getByTestId("timeline-jwt")).toContainText("token.refreshed");

    // The other device's family keeps the configured 15-minute tokens, even after refreshing.
    const renewed = await laptop.request.post(JWT_REFRESH_PATH);
    expect(((await renewed.json()) as { expires_in: number }).expires_in).toBe(
      DEFAULTS.JWT_ACCESS_TTL_SECONDS,
    );
    const me = await laptop.request.get("/api/jwt/me");
    const { claims } = (await me.json()) as { claims: { iat: number; exp: number } };
    expect(claims.exp - claims.iat).toBe(DEFAULTS.JWT_ACCESS_TTL_SECONDS);
  });

  test("undo gives the normal lifetimes back; once the session has ended, the lab says why and the way forward", async ({
    page,
    person,
  }) => {
    await signInOverHttp(page, "session", person);
    await shorten(page);
    const panel = page.getByTestId("expiry-session");
    await expect(panel.getByTestId("idle-timeout")).toHaveText(`${IDLE_SECONDS} s`);

    // Undone on the server, for this session: the configured timeout, and the log says so.
    await page.getByRole("button", { name: "Undo: normal lifetimes" }).click();
    await expect(page.getByTestId("expiry-message")).toContainText("Undone:");
    await expect(panel.getByTestId("idle-timeout")).toHaveText(
      `${DEFAULTS.SESSION_IDLE_TIMEOUT_SECONDS} s`,
    );
    await expect(page.getByTestId("timeline-session")).toContainText("lifetime.restored");

    // Shortened again and left alone: the panel's check finds it over, and the page re-renders.
    await page.getByRole("button", { name: "Shorten my lifetimes" }).click();
    await expect(panel.getByTestId("idle-timeout")).toHaveText(`${IDLE_SECONDS} s`);
    await answer(page, "/api/session/me", 401);
    const because = "because of the expiry experiment";
    await expect(panel.getByTestId("expiry-session-ended")).toContainText(because);
    const combining = page.getByTestId("contents-part-hybrid").filter({ visible: true });
    await expect(combining.getByText("ready", { exact: true })).toHaveCount(0);
    await expect(combining.getByTestId("not-ready")).toBeVisible();
    await expect(combining).toContainText(because);
    await expect(combining.getByRole("link", { name: "sign in again" })).toBeVisible();
    await expect(
      page.getByTestId("experiment-hybrid").getByTestId("experiment-needs"),
    ).toContainText(because);

    // A run from a page older than that says the cause and the way forward, and spends nothing.
    const run = await page.request.post("/api/lab/experiments/hybrid");
    expect(run.status()).toBe(200);
    const result = (await run.json()) as {
      verdict: { outcome: string; reason: string };
      wayForward?: { text: string; href: string };
    };
    expect(result.verdict.outcome).toBe("nothing-to-try");
    expect(result.verdict.reason).toMatch(
      /^Your server session ended \d+ s ago because of the expiry experiment.*: sign in again\.$/,
    );
    expect(result.wayForward).toEqual({ text: "Sign in again", href: "/oauth/login?next=/lab" });

    // Nothing left to undo: the answer says why, in words.
    const undo = await page.request.delete("/api/lab/lifetimes");
    expect(undo.status()).toBe(401);
    expect(((await undo.json()) as { error: { message: string } }).error.message).toContain(
      because,
    );
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

    await signInOverHttp(page, "session", person);
    const forged = await page.request.post("/api/lab/lifetimes", {
      headers: { origin: "http://127.0.0.1:9" },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toEqual({
      error: { code: "forbidden", message: "Cross-site requests are not allowed here." },
    });
    await page.goto("/lab");
    await expect(page.getByTestId("expiry-session").getByTestId("idle-timeout")).toHaveText(
      `${DEFAULTS.SESSION_IDLE_TIMEOUT_SECONDS} s`,
    );
  });
});
