import {
  completeAtProviderOverHttp,
  expect,
  IDP_URL,
  newIdentity,
  randomIp,
  STRATEGIES,
  submitWithoutJavaScript,
  test,
} from "./fixtures";

// Where sign-in ends: only ever a path on this site, whatever `next` says. The attacker picks the
// value, so each is posted straight to the sign-in forms (as a browser without JavaScript would,
// with any `next` it likes) and to Auth.js's own endpoint, and the redirect that comes back is
// judged. The unit tests of lib/http/safe-redirect.ts hold the long list; this proves each form
// and endpoint goes through it.

const HOSTILE_NEXT = [
  "//evil.test",
  "https://evil.test",
  "/\\evil.test",
  "javascript:alert(1)",
  "%2F%2Fevil.test",
  "/%5Cevil.test",
  "/.//evil.test",
  "/..//evil.test",
  "/%2e%2e//evil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/%09/evil.test",
  "/%0d%0a/evil.test",
  "/%5c%5cevil.test",
  "/.%2f/evil.test",
  "/%252e%252e//evil.test",
];

/** A redirect's target stays on `baseURL`, and isn't a path a browser reads as another host. */
function expectHome(location: string, baseURL: string, what: string) {
  const target = new URL(location, baseURL);
  expect(target.origin, what).toBe(baseURL);
  expect(target.pathname.startsWith("//"), what).toBe(false);
  expect(decodeURIComponent(target.pathname).includes("\\\\"), what).toBe(false);
}

for (const strategy of ["session", "jwt"] as const) {
  test(`the ${strategy} sign-in form sends nobody off-site, whatever next says`, async ({
    baseURL,
    person,
    playwright,
  }) => {
    for (const next of HOSTILE_NEXT) {
      const browser = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { "x-forwarded-for": randomIp() },
      });
      const response = await submitWithoutJavaScript(
        browser,
        STRATEGIES[strategy].loginPath,
        (form) => form.includes('name="email"'),
        { email: person.email, password: person.password, next },
      );
      expect(response.status(), JSON.stringify(next)).toBe(303);
      expectHome(response.headers()["location"] ?? "", baseURL ?? "", JSON.stringify(next));
      await browser.dispose();
    }
  });
}

test("a provider sign-in sends nobody off-site, from the login page or straight through Auth.js", async ({
  baseURL,
  playwright,
}) => {
  const identity = newIdentity();
  for (const next of HOSTILE_NEXT) {
    const what = JSON.stringify(next);
    // Through the login page's form (its server action), then the provider.
    const browser = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const started = await submitWithoutJavaScript(
      browser,
      STRATEGIES.oauth.loginPath,
      (form) => form.includes('value="google"'),
      { next },
    );
    expect(started.status(), what).toBe(303);
    const authorize = started.headers()["location"] ?? "";
    expect(authorize.startsWith(`${IDP_URL}/google/`), what).toBe(true);
    expectHome(await completeAtProviderOverHttp(browser, authorize, identity), baseURL ?? "", what);

    // Straight to Auth.js with callbackUrl, past the login page: its redirect callback decides.
    await browser.clearCookies();
    const { csrfToken } = (await (await browser.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const direct = await browser.post("/api/auth/signin/google", {
      form: { csrfToken, callbackUrl: next },
      maxRedirects: 0,
    });
    expect(direct.status(), what).toBe(302);
    expectHome(
      await completeAtProviderOverHttp(browser, direct.headers()["location"] ?? "", identity),
      baseURL ?? "",
      what,
    );
    await browser.dispose();
  }
});
