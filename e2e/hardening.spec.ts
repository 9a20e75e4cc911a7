import {
  confirmAction,
  cookieValue,
  COOKIES,
  expect,
  expectError,
  MAIN_URL,
  meWithBearer,
  outliveAccessToken,
  postFromAnotherSite,
  randomIp,
  refreshWith,
  SHORT_LIVED_URL,
  signInOverHttp,
  STRATEGIES,
  test,
} from "./fixtures";

// The smaller holes a security review found, each closed and proven here black-box.

test("text with a NUL or a lone surrogate is refused with 400 and stores nothing", async ({
  sessionUser: { page },
  request,
}) => {
  for (const body of ["abc\u0000def", "lone \ud800 surrogate", "\udc00"]) {
    await expectError(
      await page.request.post("/api/session/notes", { data: { body } }),
      400,
      "bad_request",
      /plain text/,
    );
  }
  expect(await (await page.request.get("/api/session/notes")).json()).toEqual({ notes: [] });
  await expectError(
    await request.post("/api/register", {
      data: {
        name: "Nul",
        email: "nul\u0000@e2e.authlab.test",
        password: "a fine passphrase here",
      },
    }),
    400,
    "bad_request",
    /plain text/,
  );
  await expectError(
    await request.post("/api/session/login", {
      data: { email: "\ud800@e2e.authlab.test", password: "whatever it is" },
    }),
    400,
    "bad_request",
  );
});

test("a Bearer header never exempts a cookie-authenticated route from the Origin check", async ({
  sessionUser: { page },
}) => {
  const forged = await postFromAnotherSite(page.request, "/api/session/notes", {
    data: { body: "planted" },
    headers: { authorization: "Bearer whatever" },
  });
  await expectError(forged, 403, "forbidden");
  expect(await (await page.request.get("/api/session/notes")).json()).toEqual({ notes: [] });
});

test("the Origin check compares the scheme, not just the host", async ({
  sessionUser: { page },
}) => {
  const otherScheme = MAIN_URL.replace("http://", "https://");
  await expectError(
    await page.request.post("/api/session/notes", {
      data: { body: "planted" },
      headers: { origin: otherScheme },
    }),
    403,
    "forbidden",
  );
});

test("the JWKS carries the API's Content-Security-Policy on both its paths", async ({
  request,
}) => {
  for (const path of ["/.well-known/jwks.json", "/api/jwt/jwks"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-security-policy"], path).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  }
});

test("the attacker page never echoes a Host header it doesn't trust", async ({ request }) => {
  const attacker = MAIN_URL.replace("localhost", "127.0.0.1");
  const hostile = await request.get(`${attacker}/attacker`, {
    headers: { host: "127.0.0.1:3100<script>alert(1)</script>" },
  });
  expect(hostile.status()).toBe(400);
  expect(await hostile.text()).not.toContain("<script>alert(1)</script>");
  const normal = await request.get(`${attacker}/attacker`);
  expect(normal.status()).toBe(200);
  expect(await normal.text()).toContain("Demo attacker page");
});

test("the tamper experiment says why it can't run, never a 500, when the cookie isn't a JWT", async ({
  jwtUser: { page },
}) => {
  await page.context().addCookies([
    { name: COOKIES.jwtAccess, value: "not.a-jwt", url: MAIN_URL },
    { name: COOKIES.session, value: "not-a-seal", url: MAIN_URL },
  ]);
  const response = await page.request.post("/api/lab/experiments/tamper");
  expect(response.status()).toBe(200);
  // Nobody is signed in with cookies like these: nothing to tamper with, and the way forward.
  const { probes, verdict } = (await response.json()) as {
    probes: unknown[];
    verdict: { outcome: string; reason: string };
  };
  expect(verdict.outcome).toBe("nothing-to-try");
  expect(verdict.reason).toMatch(/sign in/i);
  expect(probes).toEqual([]);
});

test.describe("JWT sign-out with a token that has just expired", () => {
  test.use({ baseURL: SHORT_LIVED_URL });

  test("“Sign out everywhere” still finds the person and ends every family", async ({
    jwtUser: { page, person },
    request,
  }) => {
    const other = await request.post("/api/jwt/token", {
      data: { email: person.email, password: person.password },
    });
    const { refresh_token: elsewhere } = (await other.json()) as { refresh_token: string };
    // The page's silent refresh is held back, so the token on the page runs out while it is open.
    await page.route("**/api/jwt/refresh", (route) => route.abort());
    await page.goto(STRATEGIES.jwt.href);
    const token = (await cookieValue(page, COOKIES.jwtAccess)) ?? "";
    await outliveAccessToken(token, async () => (await meWithBearer(request, token)).status());
    // The sign-in is a recent proof still (the expired token carries its auth_time): no confirm.
    await confirmAction(page, "Sign out everywhere", "Yes, revoke every JWT sign-in");
    await expect(page).toHaveURL(/\/jwt\/login$/);
    // The family of the other client ended too.
    await expectError(await refreshWith(request, elsewhere), 401, "invalid_token", /revoked/);
  });
});

test("the owner's known browser signs in while an attacker has the account blocked elsewhere", async ({
  person,
  playwright,
  baseURL,
}) => {
  const owner = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  await signInOverHttp(owner, "session", person);
  expect((await owner.storageState()).cookies.map((c) => c.name)).toContain(COOKIES.device);
  expect((await owner.post("/api/session/logout")).status()).toBe(204);

  // The attacker guesses from many addresses until the account-wide limit (30 an hour) blocks it.
  let blocked = false;
  for (let attempt = 0; attempt < 40 && !blocked; attempt++) {
    const guess = await owner.fetch("/api/session/login", {
      method: "POST",
      data: { email: person.email, password: `guess ${attempt}` },
      headers: { "x-forwarded-for": randomIp(), cookie: "" },
    });
    blocked = guess.status() === 429;
  }
  expect(blocked, "the account is blocked for browsers it doesn't know").toBe(true);
  const stranger = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  expect(
    (
      await stranger.post("/api/session/login", {
        data: { email: person.email, password: person.password },
      })
    ).status(),
  ).toBe(429);
  // The owner's browser, with its device cookie, is not locked out.
  const login = await owner.post("/api/session/login", {
    data: { email: person.email, password: person.password },
  });
  expect(login.status()).toBe(200);
  await Promise.all([owner.dispose(), stranger.dispose()]);
});
