import type { Page } from "@playwright/test";
import {
  expect,
  newIdentity,
  postFromAnotherSite,
  signInEverywhereOverHttp,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGY_IDS,
  test,
} from "./fixtures";

// Each experiment runs real requests with this browser's own credentials. Every result explains
// itself: what was sent (the forged part marked), what came back, a verdict with its reason, the
// events the run wrote, a curl command per request; and it is still there after a reload.

function probe(page: Page, experiment: string, label: string) {
  return page
    .getByTestId(`experiment-${experiment}`)
    .getByTestId("probe")
    .filter({ hasText: label });
}

/** The probe's request was answered with this HTTP status. */
async function expectProbeStatus(page: Page, experiment: string, label: string, status: number) {
  await expect(probe(page, experiment, label)).toHaveAttribute("data-status", String(status));
}

/** Opens the lab and presses an experiment's button. */
async function runExperiment(page: Page, button: string): Promise<void> {
  await page.goto("/lab");
  await page.getByRole("button", { name: button }).click();
}

/** Every part of a result, asserted; then a reload, and the same result is still shown. */
async function expectWholeResult(
  page: Page,
  experiment: string,
  expected: { outcome: string; headline: string | RegExp; reason: string | RegExp; event?: string },
): Promise<void> {
  const card = page.getByTestId(`experiment-${experiment}`);
  const result = card.getByTestId("result");
  await expect(result).toHaveAttribute("data-outcome", expected.outcome);
  await expect(result).toBeFocused();
  await expect(card.getByTestId("verdict-headline")).toHaveText(expected.headline);
  await expect(card.getByTestId("verdict-reason")).toContainText(expected.reason);
  const probes = card.getByTestId("probe");
  expect(await probes.count()).toBeGreaterThan(0);
  for (const one of await probes.all()) {
    await expect(one.getByTestId("probe-request")).toContainText(/Sent: (GET|POST) \/api\//);
    await expect(one.getByTestId("probe-response")).toContainText(/Answer: \d{3}/);
    await expect(one.getByTestId("probe-curl")).toContainText(/^curl -i /);
    // A placeholder in the command comes with where to get its value.
    if (/\$[A-Z_]+/.test((await one.getByTestId("probe-curl").textContent()) ?? ""))
      await expect(one.getByTestId("curl-placeholders")).toContainText("developer tools");
  }
  if (expected.event) await expect(card.getByTestId("result-events")).toContainText(expected.event);
  else await expect(card.getByTestId("result-events")).toBeAttached();

  const headline = await card.getByTestId("verdict-headline").textContent();
  await page.reload();
  await expect(card.getByTestId("verdict-headline")).toHaveText(headline ?? "");
  await expect(card.getByTestId("verdict")).toContainText("From your last run");
}

test.describe("lab experiments", () => {
  test("replay after sign-out: refused by server state and the checked verifier, accepted downstream until exp", async ({
    page,
    person,
    identity,
  }) => {
    await signInEverywhereOverHttp(page, person, identity);

    await runExperiment(page, "Sign out and replay (signs you out)");

    await expectProbeStatus(page, "replay", "Session: sign out", 204);
    await expectProbeStatus(page, "replay", "Session: replay the copied cookie", 401);
    await expectProbeStatus(page, "replay", "JWT: sign out", 204);
    await expectProbeStatus(page, "replay", "JWT: replay to the app", 401);
    await expect(probe(page, "replay", "JWT: replay to the app")).toContainText("revoked");
    await expectProbeStatus(page, "replay", "JWT: replay to a downstream service", 200);
    await expectProbeStatus(page, "replay", "OAuth: replay", 401);
    await expect(page.getByTestId("downstream-countdown")).toContainText(/\d+ min|\d+ s/);

    // This browser is signed out everywhere now, and the header says so.
    for (const id of STRATEGY_IDS) {
      await expect(page.getByTestId(`lab-column-${id}`).getByText("Signed out.")).toBeVisible();
      await expect(page.getByTestId(`status-${id}`)).toContainText("signed out");
    }
    await expectWholeResult(page, "replay", {
      outcome: "partly",
      headline: "Refused by the app, accepted by a stateless service",
      reason: "A service that only checks the signature accepted the copied access token",
      event: "session: logout",
    });
    // The reason lists the copies this run presented, each with why it was refused.
    await expect(page.getByTestId("experiment-replay").getByTestId("verdict-reason")).toContainText(
      "Refused after sign-out: the server session (its row is deleted), the access token at the app (its jti is on the denylist) and the Auth.js session (its row is deleted).",
    );
  });

  test("tamper: the forged token is shown with its changed part marked, and both forgeries are refused with the reason", async ({
    sessionUser: { page, person },
  }) => {
    await signInOverHttp(page, "jwt", person);
    await runExperiment(page, "Tamper and present");

    const jwt = probe(page, "tamper", "JWT with one claim changed");
    await expect(jwt).toHaveAttribute("data-status", "401");
    await expect(jwt).toContainText("bad_signature");
    // The forged payload is shown whole and highlighted; the real signature only cut short.
    const marked = jwt.getByTestId("probe-sent").locator("mark");
    await expect(marked).toHaveText(/^eyJ[\w-]+$/);
    expect(
      JSON.parse(Buffer.from((await marked.textContent()) ?? "", "base64url").toString()),
    ).toMatchObject({ ver: 9999 });
    await expect(jwt.getByTestId("probe-sent")).toContainText(/…\(\d+ bytes\)/);
    // And decoded, as anyone holding it could: the changed claim marked, the others as they were.
    const payload = jwt.getByTestId("probe-decoded").getByTestId("decoded-payload");
    await expect(payload.locator('[data-changed="true"]')).toHaveCount(1);
    await expect(payload.locator('[data-claim="ver"]')).toHaveAttribute("data-changed", "true");
    await expect(payload.locator('[data-claim="ver"]')).toContainText("changed");
    await expect(payload.locator('[data-claim="ver"]')).toContainText("9999");
    await expect(payload.locator('[data-claim="sub"]')).not.toHaveAttribute("data-changed");
    await expect(
      jwt.getByTestId("probe-decoded").getByTestId("decoded-header").locator('[data-claim="alg"]'),
    ).toContainText("ES256");

    const seal = probe(page, "tamper", "iron-session seal");
    await expect(seal).toHaveAttribute("data-status", "401");
    await expect(seal).toContainText("invalid_token");
    await expect(seal).toContainText("seal doesn't verify");
    // Tampering with copies changed nothing for the real credentials.
    await expect(page.getByTestId("lab-column-session")).toContainText(
      `Signed in as ${person.email}`,
    );
    await expectWholeResult(page, "tamper", {
      outcome: "refused",
      headline: "Attack refused",
      reason: "Readable is not writable",
    });
  });

  test("forged algorithm: alg none and HS256-with-the-public-key are refused", async ({
    jwtUser: { page },
  }) => {
    await runExperiment(page, "Present the forgeries");

    for (const label of ['"alg": "none"', "HS256 signed with the public key"]) {
      const forged = probe(page, "forged-alg", label);
      await expect(forged).toHaveAttribute("data-status", "401");
      await expect(forged).toContainText("algorithm_not_allowed");
      await expect(forged.getByTestId("probe-sent").locator("mark")).toHaveText(/^eyJ/);
      const alg = forged.getByTestId("decoded-header").locator('[data-claim="alg"]');
      await expect(alg).toHaveAttribute("data-changed", "true");
      await expect(alg).toContainText(label.startsWith('"alg"') ? '"none"' : '"HS256"');
    }
    await expectWholeResult(page, "forged-alg", {
      outcome: "refused",
      headline: "Attack refused",
      reason: "allowlist",
    });
  });

  test("experiments refuse a cross-site request and an unknown name", async ({ request }) => {
    const crossSite = await postFromAnotherSite(request, "/api/lab/experiments/replay");
    expect(crossSite.status()).toBe(403);
    const unknown = await request.post("/api/lab/experiments/nope");
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: "not_found", message: "No such experiment." },
    });
  });

  test("signed out, each experiment says what it needs, with the link, instead of failing after a click; the demo token is only for a JWT session", async ({
    page,
  }) => {
    await page.goto("/lab");
    const needs = {
      tamper: "sign in with a server session or a JWT first",
      "refresh-reuse": "sign in with JWT first",
      replay: "sign in under any strategy first",
      delegated: "sign in with Google or GitHub first",
    };
    for (const [name, text] of Object.entries(needs)) {
      const card = page.getByTestId(`experiment-${name}`);
      await expect(card.getByTestId("experiment-needs")).toContainText(text);
      await expect(card.getByRole("link", { name: text })).toHaveAttribute(
        "href",
        /\/login\?next=\/lab$/,
      );
    }
    const contents = (id: string) => page.getByTestId(`contents-${id}`).filter({ visible: true });
    await expect(contents("tamper")).toContainText("needs:");
    await expect(contents("forged-alg")).toContainText("ready");

    await page
      .getByTestId("experiment-xss")
      .getByRole("button", { name: "Store a token the SPA way" })
      .click();
    await expect(page.getByTestId("experiment-xss")).toContainText("Sign in with JWT first");
  });
});

test.describe("lab experiments with tokens and providers", () => {
  test("refresh token reuse: the family is revoked, the newest token included, and the column shows it", async ({
    jwtUser: { page, person },
  }) => {
    await runExperiment(page, "Rotate twice, then reuse");

    await expectProbeStatus(page, "refresh-reuse", "Refresh once", 200);
    await expectProbeStatus(page, "refresh-reuse", "Refresh again with token 2", 200);
    await expectProbeStatus(page, "refresh-reuse", "Present token 1 again", 401);
    await expect(probe(page, "refresh-reuse", "Present token 1 again")).toContainText(
      "reuse detected",
    );
    await expectProbeStatus(page, "refresh-reuse", "Present token 3, the newest", 401);
    await expect(
      page
        .getByTestId("lab-column-jwt")
        .getByTestId("lab-family")
        .filter({ hasText: "reuse detected" }),
    ).toHaveCount(1);
    // The refresh tokens themselves never reach the page: the curl commands carry placeholders.
    for (const curl of await page
      .getByTestId("experiment-refresh-reuse")
      .getByTestId("probe-curl")
      .allTextContents()) {
      expect(curl).toContain("$REFRESH_TOKEN_");
      expect(curl).not.toMatch(/[\w-]{40,}/);
    }
    // The browser's own family was another one: still signed in.
    await expect(page.getByTestId("lab-column-jwt")).toContainText(`Signed in as ${person.email}`);
    await expectWholeResult(page, "refresh-reuse", {
      outcome: "refused",
      headline: "Reuse detected: the family is revoked",
      reason: "revoked the whole family",
      event: "jwt: refresh.reuse_detected",
    });
  });

  test("delegated authorization: the provider's API answers about the person, with the granted scopes", async ({
    page,
  }) => {
    await signInWithProviderOverHttp(page, "github", newIdentity());
    await runExperiment(page, "Call the provider's API");
    const call = probe(page, "delegated", "GitHub API with the stored token");
    await expect(call).toHaveAttribute("data-status", "200");
    await expect(call).toContainText("read:user user:email");
    await expect(call).toContainText("/api/v3/user/repos");
    await expect(call).toContainText(/3 repositories/);
  });
});

test.describe("cross-site request from the attacker page", () => {
  test("an attacker page on the other host creates nothing, under any strategy", async ({
    sessionUser: { page, person },
    baseURL,
  }) => {
    await signInOverHttp(page, "jwt", person);
    await page.goto("/lab");
    const attacker = page.getByRole("link", { name: "Open the attacker page" });
    const attackerUrl = (await attacker.getAttribute("href")) ?? "";
    expect(new URL(attackerUrl).hostname).toBe("127.0.0.1");
    await page.getByRole("button", { name: "Count my notes" }).click();
    await expect(page.getByTestId("note-counts")).toHaveText(
      "session: 0 notes · jwt: 0 notes · oauth: signed out",
    );

    // Same browser, same cookies, another site.
    const evil = await page.context().newPage();
    const attempts: number[] = [];
    evil.on("response", (response) => {
      if (response.url().startsWith(`${baseURL}/api/`)) attempts.push(response.status());
    });
    await evil.goto(attackerUrl);
    await evil.getByRole("button", { name: "Claim your prize" }).click();
    await expect(evil.getByText("done")).toBeVisible();
    expect(attempts).toEqual([403, 403, 403]);

    await page.getByRole("button", { name: "Count my notes" }).click();
    await expect(page.getByTestId("note-counts")).toHaveText(
      "session: 0 notes · jwt: 0 notes · oauth: signed out",
    );
  });
});

test.describe("what an injected script can steal", () => {
  test("the token in localStorage is stolen and works elsewhere; the HttpOnly cookies are not", async ({
    jwtUser: { page },
  }) => {
    await page.goto("/lab");
    const demo = page.getByTestId("experiment-xss");
    await demo.getByRole("button", { name: "Store a token the SPA way" }).click();
    await expect(demo.getByTestId("xss-stored")).toContainText(
      /Stored in localStorage: eyJ.{9}…\(\d+ bytes\)/,
    );

    await demo.getByRole("button", { name: "Run the injected script" }).click();
    const result = demo.getByTestId("result");
    await expect(result).toHaveAttribute("data-outcome", "partly");
    await expect(result).toBeFocused();
    await expect(demo.getByTestId("verdict-headline")).toHaveText(
      "The script took the localStorage token, not the cookies",
    );
    await expect(demo.getByTestId("verdict-reason")).toContainText(
      "From document.cookie it read nothing: the HttpOnly cookies are invisible to scripts",
    );
    await expectProbeStatus(
      page,
      "xss",
      "The stolen token, used elsewhere against the demo SPA's API",
      200,
    );
    // Its audience is the demo's: the app's own API refuses it.
    await expectProbeStatus(page, "xss", "The same token against the app's own API", 401);
    await expect(demo.getByTestId("probe-curl").first()).toContainText("Bearer $STOLEN_TOKEN");
    await page.reload();
    await expect(demo.getByTestId("verdict")).toContainText("From your last run");

    await demo.getByRole("button", { name: "Clean up" }).click();
    expect(await page.evaluate(() => Object.keys(window.localStorage))).toEqual([]);
  });

  test("the demo token is accepted by the demo's API only, and can't mint another", async ({
    jwtUser: { page },
    request,
  }) => {
    const issued = await page.request.post("/api/lab/spa-token");
    expect(issued.status()).toBe(200);
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const bearer = { authorization: `Bearer ${token}` };
    expect((await request.get("/api/lab/spa-demo/profile", { headers: bearer })).status()).toBe(
      200,
    );
    for (const path of ["/api/jwt/me", "/api/jwt/notes", "/api/downstream/profile"])
      expect((await request.get(path, { headers: bearer })).status(), path).toBe(401);
    // The demo token can't ask for a successor: only the HttpOnly cookie can.
    const chained = await request.post("/api/lab/spa-token", { headers: bearer });
    expect(chained.status()).toBe(400);
    const anonymous = await request.post("/api/lab/spa-token");
    expect(anonymous.status()).toBe(401);
  });
});

test("the attacker page refuses to run from the app's own host", async ({ request }) => {
  const response = await request.get("/attacker");
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain("only runs from another site");
});
