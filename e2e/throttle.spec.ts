import { type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  expect,
  newPerson,
  type Person,
  randomIp,
  SHORT_LIVED_SETTINGS,
  SHORT_LIVED_URL,
  STRATEGIES,
  test,
} from "./fixtures";

// Login throttling: 5 failures for one account from one address per 15 minutes, then 429 with
// Retry-After, for that account from that address only.

const FAILURES_ALLOWED = 5;
const WINDOW_SECONDS = 15 * 60;

function login(
  request: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.post("/api/session/login", { data: { email, password }, headers });
}

/** Uses up the allowance with wrong passwords; every one of them is an ordinary 401. */
async function failUntilLimit(request: APIRequestContext, person: Person): Promise<void> {
  for (let attempt = 1; attempt <= FAILURES_ALLOWED; attempt++) {
    const response = await login(request, person.email, `wrong password ${attempt}`);
    expect(response.status(), `attempt ${attempt}`).toBe(401);
  }
}

async function expectThrottled(response: APIResponse): Promise<void> {
  expect(response.status()).toBe(429);
  const retryAfter = response.headers()["retry-after"] ?? "";
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(Number(retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(await response.json()).toEqual({
    error: {
      code: "too_many_requests",
      message: expect.stringContaining("Too many failed attempts"),
    },
  });
}

test.describe("login throttling", () => {
  test("the sixth wrong password gets 429, then so does the right one, but only from that address", async ({
    request,
    person,
  }) => {
    await failUntilLimit(request, person);
    await expectThrottled(await login(request, person.email, "wrong password 6"));
    await expectThrottled(await login(request, person.email, person.password));
    expect((await request.get("/api/session/me")).status()).toBe(401);

    // No lock-out of the person: from another address the right password still works.
    const elsewhere = await login(request, person.email, person.password, {
      "x-forwarded-for": randomIp(),
    });
    expect(elsewhere.status()).toBe(200);
    expect(await elsewhere.json()).toMatchObject({
      strategy: "session",
      user: { email: person.email },
    });
    expect((await request.get("/api/session/me")).status()).toBe(200);
  });

  test("the sign-in page says to wait once throttled", async ({ page, request, person }) => {
    // The page and `request` send the same client address (the clientIp fixture).
    await failUntilLimit(request, person);

    await page.goto(STRATEGIES.session.loginPath);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText(
      /^Too many failed attempts\. Try again in \d+ minutes\.$/,
    );
    await expect(page).toHaveURL(/\/session\/login$/);
    await expect(page.getByLabel("Email")).toHaveValue(person.email);
    await expect(
      page.getByRole("region", { name: "Sign-in status" }).getByTestId("status-session"),
    ).toContainText("signed out");
  });

  test("an unknown email and a wrong password get the identical answer", async ({
    request,
    person,
  }) => {
    const wrongPassword = await login(request, person.email, "not the password at all");
    const unknownEmail = await login(request, newPerson().email, person.password);
    expect(wrongPassword.status()).toBe(401);
    expect(unknownEmail.status()).toBe(401);
    const body = await wrongPassword.text();
    expect(await unknownEmail.text()).toBe(body);
    expect(JSON.parse(body)).toEqual({
      error: { code: "unauthorized", message: "That email and password don't match an account." },
    });
    expect(unknownEmail.headers()["set-cookie"]).toBeUndefined();
    expect(wrongPassword.headers()["set-cookie"]).toBeUndefined();
  });
});

test.describe("budgets for expensive work", () => {
  // The short-lived server allows a handful of experiments per address and person.
  test.use({ baseURL: SHORT_LIVED_URL });

  test("an address over its experiment budget gets 429 with when to retry, and runs nothing", async ({
    request,
  }) => {
    const limit = SHORT_LIVED_SETTINGS.EXPERIMENT_LIMIT_PER_IP;
    for (let run = 1; run <= limit; run++)
      expect((await request.post("/api/lab/experiments/forged-alg")).status(), `run ${run}`).toBe(
        200,
      );
    const refused = await request.post("/api/lab/experiments/forged-alg");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      error: { code: "too_many_requests", message: expect.stringMatching(/^Too many experiments/) },
    });
    // Another address (another client) still has its own budget.
    const elsewhere = await request.post("/api/lab/experiments/forged-alg", {
      headers: { "x-forwarded-for": randomIp() },
    });
    expect(elsewhere.status()).toBe(200);
  });
});
