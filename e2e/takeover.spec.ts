import type { APIRequestContext } from "@playwright/test";
import {
  changePasswordThroughForm,
  claimsOf,
  cookieValue,
  COOKIES,
  expect,
  expectError,
  IDP_URL,
  newIdentity,
  randomIp,
  RECENT_PROOF_SETTINGS,
  RECENT_PROOF_URL,
  reproveAtProvider,
  signInOverHttp,
  signInWithProviderOverHttp,
  test,
  waitUntilProofIsOld,
} from "./fixtures";

// The attacker's paths to the account itself. A stolen cookie signs its thief in, but it never
// proves anything new: exchanging it, linking with it, unlinking with it or planting it twice all
// end in a refusal, and the person's own way in survives.

test.describe("a stolen cookie is never a fresh proof", () => {
  // The recent-proof server counts a proof as recent for RECENT_PROOF_SECONDS only.
  test.use({ baseURL: RECENT_PROOF_URL });

  test("a session cookie exchanged for a brand-new JWT pair still can't link a provider", async ({
    sessionUser: { page },
    playwright,
    clientIp,
  }) => {
    const stolen = (await cookieValue(page, COOKIES.session)) ?? "";
    await waitUntilProofIsOld();

    const thief = await playwright.request.newContext({
      baseURL: RECENT_PROOF_URL,
      extraHTTPHeaders: { "x-forwarded-for": clientIp },
      storageState: {
        cookies: [cookie(COOKIES.session, stolen)],
        origins: [],
      },
    });
    // The exchange works (the thief is signed in as the person)…
    const exchanged = await thief.post("/api/jwt/exchange/session");
    expect(exchanged.status()).toBe(200);
    const { access_token: access } = (await exchanged.json()) as { access_token: string };
    // …but the new pair is exactly as old as the stolen sign-in: auth_time is copied, not new.
    const age = Date.now() / 1000 - claimsOf(access).auth_time;
    expect(age).toBeGreaterThan(RECENT_PROOF_SETTINGS.RECENT_PROOF_SECONDS);

    // Holding both, the thief asks to link GitHub: a proof is asked for that they can't give.
    const withBoth = await playwright.request.newContext({
      baseURL: RECENT_PROOF_URL,
      extraHTTPHeaders: { "x-forwarded-for": clientIp },
      storageState: {
        cookies: [cookie(COOKIES.session, stolen), cookie(COOKIES.jwtAccess, access)],
        origins: [],
      },
    });
    const link = await withBoth.post("/api/account/link", { data: { provider: "github" } });
    expect(link.status()).toBe(403);
    expect(await link.json()).toMatchObject({
      error: { code: "reauth_required" },
      confirm_url: "/account/confirm?action=link&next=%2Faccount",
    });
    for (const context of [thief, withBoth]) await context.dispose();
  });

  test("a provider session's cookie, exchanged or not, can neither link nor unlink", async ({
    newBrowser,
    oauthUser: { page },
  }) => {
    const stolen = (await cookieValue(page, COOKIES.oauthSession)) ?? "";
    await waitUntilProofIsOld();
    const thief = await newBrowser();
    await thief.context.addCookies([cookie(COOKIES.oauthSession, stolen)]);
    const exchanged = await thief.context.request.post("/api/jwt/exchange/oauth");
    expect(exchanged.status()).toBe(200);
    const { access_token: access } = (await exchanged.json()) as { access_token: string };
    await thief.context.addCookies([cookie(COOKIES.jwtAccess, access)]);

    await thief.page.goto("/oauth/account");
    await thief.page.getByRole("button", { name: "Link GitHub" }).click();
    await expect(thief.page).toHaveURL(/\/account\/confirm\?action=link&provider=github/);
    await expect(thief.page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
    // A provider-only person has no password to guess: only a new sign-in at the provider counts.
    await expect(thief.page.getByLabel("Your password")).toHaveCount(0);

    await thief.page.goto("/oauth/account");
    await thief.page.getByRole("button", { name: "Unlink Google", exact: true }).click();
    await thief.page.getByRole("button", { name: "Yes, unlink Google" }).click();
    await expect(thief.page).toHaveURL(/\/account\/confirm\?action=unlink&provider=google/);
    await thief.context.close();

    // Nothing changed for the owner.
    await page.goto("/oauth/account");
    await expect(page.getByTestId("linked-account")).toHaveCount(1);
  });

  test("the owner's re-proof gives the owner new credentials: a copy of the old cookie stays old", async ({
    newBrowser,
    sessionUser: { page, person },
  }) => {
    const copied = (await cookieValue(page, COOKIES.session)) ?? "";
    await page.goto("/oauth/link");
    await waitUntilProofIsOld();
    // The owner confirms with the password on the way to linking GitHub.
    await page.getByRole("button", { name: "Link GitHub" }).click();
    await page.getByLabel("Your password").fill(person.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.waitForURL((url) => url.href.startsWith(IDP_URL));
    // The owner's browser holds a new session; the thief's copy of the old one is dead, not fresh.
    expect(await cookieValue(page, COOKIES.session)).not.toBe(copied);
    const thief = await newBrowser();
    await thief.context.addCookies([cookie(COOKIES.session, copied)]);
    expect((await thief.context.request.get("/api/session/me")).status()).toBe(401);
    const link = await thief.context.request.post("/api/account/link", {
      data: { provider: "github" },
    });
    expect(link.status()).toBe(401);
  });

  test("the owner confirms with a provider sign-in made there and then", async ({
    oauthUser: { page, identity },
  }) => {
    await waitUntilProofIsOld();
    await page.goto("/oauth/account");
    await page.getByRole("button", { name: "Link GitHub" }).click();
    await page.getByRole("button", { name: "Continue with Google" }).click();
    // The provider asks again (prompt=login, max_age=0) although it remembers this browser.
    await page.waitForURL((url) => url.href.startsWith(`${IDP_URL}/google/`));
    await reproveAtProvider(page, identity);
    // Back at the app with the proof new, the link carries on to GitHub by itself (this browser
    // started the re-proof): wait for that navigation before leaving.
    await page.waitForURL((url) => url.href.startsWith(`${IDP_URL}/github/`));
    await page.goto("/account");
    await expect(page.getByTestId("account-activity")).toContainText(
      "Confirmed it was you (google)",
    );
  });
});

const cookie = (name: string, value: string) => ({
  name,
  value,
  domain: "localhost",
  path: "/",
  expires: -1,
  httpOnly: true,
  secure: false,
  sameSite: "Lax" as const,
});

test.describe("one reader of the Auth.js cookie", () => {
  test("the cookie twice, or under a chunk name, is refused before Auth.js reads it", async ({
    playwright,
    baseURL,
    clientIp,
  }) => {
    const name = COOKIES.oauthSession;
    // Auth.js joins every cookie whose name starts with the session cookie's; Next.js doesn't.
    for (const cookie of [
      `${name}=one; ${name}=two`,
      `${name}.0=one`,
      `${name}.0=a; ${name}.1=b`,
      `${name}X=one`,
      `${name}-0=one`,
    ]) {
      const request = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { cookie, "x-forwarded-for": clientIp },
      });
      for (const path of [
        "/api/auth/session",
        "/api/auth/callback/github?code=made-up&state=made-up",
      ])
        await expectError(await request.get(path), 400, "bad_request", /twice or in pieces/);
      await expectError(
        await request.post("/api/auth/signin/github", { form: { csrfToken: "x" } }),
        400,
        "bad_request",
      );
      await request.dispose();
    }
  });

  test("a victim's session planted under a longer name can't pull the attacker's provider into the account", async ({
    newBrowser,
    baseURL,
    oauthUser: { page },
  }) => {
    const victim = (await cookieValue(page, COOKIES.oauthSession)) ?? "";
    const attacker = await newBrowser();
    const url = baseURL ?? "";
    // Not even a chunk name: Auth.js joins any cookie whose name starts with its own.
    await attacker.context.addCookies([{ name: `${COOKIES.oauthSession}X`, value: victim, url }]);
    // The attacker signs in with a provider account of their own: refused outright.
    const csrf = await attacker.context.request.get("/api/auth/csrf");
    expect(csrf.status()).toBe(400);
    await attacker.context.clearCookies();
    const ended = await signInWithProviderOverHttp(attacker.context, "github", newIdentity());
    // With the planted cookie gone, the attacker's sign-in is their own new account.
    expect(new URL(ended).pathname).toBe("/oauth/account");
    const theirs = (await (await attacker.context.request.get("/api/oauth/me")).json()) as {
      user: { id: string };
    };
    const mine = (await (await page.request.get("/api/oauth/me")).json()) as {
      user: { id: string };
    };
    expect(theirs.user.id).not.toBe(mine.user.id);
  });
});

test("an abandoned link intent is ignored by a later, unrelated provider sign-in", async ({
  sessionUser: { page },
}) => {
  await page.goto("/oauth/link");
  await page.getByRole("button", { name: "Link GitHub" }).click();
  // The person abandons the link at the provider, then signs in with another GitHub account.
  await page.waitForURL((url) => url.href.startsWith(IDP_URL));
  const stranger = newIdentity();
  await signInWithProviderOverHttp(page, "github", stranger);
  const provider = (await (await page.request.get("/api/oauth/me")).json()) as {
    user: { id: string; email: string };
  };
  const session = (await (await page.request.get("/api/session/me")).json()) as {
    user: { id: string };
  };
  // That sign-in is its own account, and the person has nothing linked.
  expect(provider.user.email).toBe(stranger.email);
  expect(provider.user.id).not.toBe(session.user.id);
  await page.goto("/oauth/link");
  await expect(page.getByTestId("linked-account")).toHaveCount(0);
});

test.describe("the owner's way in", () => {
  /** Wrong passwords for the account from many addresses, until the account's own bucket is spent. */
  async function hammer(request: APIRequestContext, email: string) {
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) {
      const response = await request.post("/api/session/login", {
        data: { email, password: `wrong guess ${i}` },
        headers: { "x-forwarded-for": randomIp() },
      });
      status = response.status();
    }
    expect(status, "the account is throttled for strangers").toBe(429);
  }

  test("the owner can change the password while the account is hammered, and old device cookies die with it", async ({
    newBrowser,
    page,
    person,
    request,
  }) => {
    // A browser that signed in before holds a device cookie; so does the owner's.
    const old = await newBrowser();
    await signInOverHttp(old.context, "session", person);
    expect(await cookieValue(old.context, COOKIES.device)).toBeTruthy();
    await signInOverHttp(page, "session", person);
    // A thief holds a copy of the owner's very session cookie.
    const copied = (await cookieValue(page, COOKIES.session)) ?? "";

    await hammer(request, person.email);
    // The owner's authenticated change is counted on their own proof, never on the account.
    const next = `${person.password} and then some`;
    await changePasswordThroughForm(page, person.password, next);
    await expect(page.getByText(/Password changed\./)).toBeVisible();

    // The old browser's device cookie was ended with the change: with the new password it is just
    // another stranger to the hammered account.
    const retry = await old.context.request.post("/api/session/login", {
      data: { email: person.email, password: next },
    });
    expect(retry.status()).toBe(429);
    // The owner stays signed in with new credentials; the thief's copy of the old cookie is ended
    // with everything else, not kept as "this browser's".
    expect(await cookieValue(page, COOKIES.session)).not.toBe(copied);
    expect((await page.request.get("/api/session/me")).status()).toBe(200);
    expect(
      (
        await request.get("/api/session/me", {
          headers: { cookie: `${COOKIES.session}=${copied}` },
        })
      ).status(),
    ).toBe(401);
    // The owner's own device (given a new cookie by the change) still gets in.
    await page.context().clearCookies({ name: COOKIES.session });
    const owner = await page.request.post("/api/session/login", {
      data: { email: person.email, password: next },
    });
    expect(owner.status()).toBe(200);
  });
});
