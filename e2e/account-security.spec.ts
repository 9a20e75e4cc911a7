import type { APIRequestContext, BrowserContext } from "@playwright/test";
import {
  changePasswordThroughForm,
  completeAtProvider,
  completeAtProviderOverHttp,
  confirmAction,
  cookieValue,
  COOKIES,
  expect,
  IDP_URL,
  JWT_REFRESH_PATH,
  meWithBearer,
  type NewBrowser,
  newIdentity,
  type Person,
  RECENT_PROOF_URL,
  refreshWith,
  reproveAtProvider,
  signInEverywhereOverHttp,
  signInOverHttp,
  signInWithProviderOverHttp,
  STRATEGIES,
  submitWithoutJavaScript,
  test,
  waitUntilProofIsOld,
} from "./fixtures";

// One person, one kill switch: account-wide revocation across the three strategies and across
// browsers, copied credentials of every kind refused afterwards, and linking a provider only with
// a fresh proof and a single-use link intent.

type Held = {
  context: BrowserContext;
  seal: string;
  access: string;
  refresh: string;
  oauth: string;
};

/** A browser signed in as `person` under all three strategies (Google already linked to them). */
async function signedInEverywhere(newBrowser: NewBrowser, person: Person): Promise<Held> {
  const { context } = await newBrowser();
  await signInEverywhereOverHttp(context, person, { name: person.name, email: person.email });
  const value = async (name: string) => (await cookieValue(context, name)) ?? "";
  const held = {
    context,
    seal: await value(COOKIES.session),
    access: await value(COOKIES.jwtAccess),
    refresh: await value(COOKIES.jwtRefresh),
    oauth: await value(COOKIES.oauthSession),
  };
  for (const [name, credential] of Object.entries(held))
    if (name !== "context") expect(credential, `${name} is held`).toBeTruthy();
  return held;
}

/**
 * Links Google to `person` with a sign-in just made as proof, over HTTP: the link API's round to
 * the provider, which the linking page's button starts too (that page is the subject below).
 */
async function linkGoogle(newBrowser: NewBrowser, person: Person) {
  const { context } = await newBrowser();
  await signInOverHttp(context, "session", person);
  const started = await context.request.post("/api/account/link", { data: { provider: "google" } });
  expect(started.status(), await started.text()).toBe(200);
  const { authorize_url: authorize } = (await started.json()) as { authorize_url: string };
  const identity = { name: person.name, email: person.email };
  const ended = new URL(await completeAtProviderOverHttp(context, authorize, identity));
  expect(ended.pathname + ended.search).toBe("/account?linked=google");
  expect((await context.request.post("/api/session/logout")).status()).toBe(204);
  await context.close();
}

/**
 * Every copied credential, presented by a client that holds nothing else. The refresh token is
 * presented only when asked: presenting it rotates it.
 */
async function statuses(request: APIRequestContext, held: Held, { refresh = true } = {}) {
  const cookie = (name: string, value: string) => ({ cookie: `${name}=${value}` });
  // Four independent clients, one credential each: asked at once.
  const [session, jwt, refreshed, oauth] = await Promise.all([
    request.get("/api/session/me", { headers: cookie(COOKIES.session, held.seal) }),
    meWithBearer(request, held.access),
    refresh ? refreshWith(request, held.refresh) : undefined,
    request.get("/api/oauth/me", { headers: cookie(COOKIES.oauthSession, held.oauth) }),
  ]);
  return {
    session: session.status(),
    jwt: jwt.status(),
    ...(refreshed ? { refresh: refreshed.status() } : {}),
    oauth: oauth.status(),
  };
}

const ALL_REFUSED = { session: 401, jwt: 401, refresh: 401, oauth: 401 };

test.describe("one person, one kill switch", () => {
  // Google linked to the person, then two browsers, each signed in under all three strategies.
  let browsers: [Held, Held];
  test.beforeEach(async ({ newBrowser, person }) => {
    await linkGoogle(newBrowser, person);
    browsers = await Promise.all([
      signedInEverywhere(newBrowser, person),
      signedInEverywhere(newBrowser, person),
    ]);
  });

  test("“Sign out everywhere, every strategy” ends every credential of every browser; copies are refused", async ({
    request,
  }) => {
    const [here, there] = browsers;
    expect(await statuses(request, there, { refresh: false })).toEqual({
      session: 200,
      jwt: 200,
      oauth: 200,
    });

    const page = await here.context.newPage();
    await page.goto(STRATEGIES.session.href);
    await confirmAction(page, "Sign out everywhere, every strategy", "Yes, end every sign-in");
    await expect(page).toHaveURL(/\/account\/signed-out\?/);
    // The answer says exactly what ended, and what it can't reach until expiry.
    await expect(page.getByTestId("kill-switch-answer")).toHaveText(
      /^Ended everywhere, this browser included: 2 server sessions, 2 JWT sign-ins, 2 provider sessions, 3 trusted devices\. .*accepts a copied one until it expires, at most 15 minutes\.$/,
    );
    for (const id of ["session", "jwt", "oauth"])
      await expect(page.getByTestId(`status-${id}`)).toContainText("signed out");

    expect(await statuses(request, here)).toEqual(ALL_REFUSED);
    expect(await statuses(request, there)).toEqual(ALL_REFUSED);
    // The other browser, with its own cookies, is out too at its next request.
    for (const path of ["/api/session/me", "/api/jwt/me", "/api/oauth/me"])
      expect((await there.context.request.get(path)).status(), path).toBe(401);
    expect((await there.context.request.post(JWT_REFRESH_PATH)).status()).toBe(401);
  });

  test("a password change ends every other browser under every strategy, and signs this one in anew", async ({
    person,
    request,
  }) => {
    const [mine, theirs] = browsers;
    const page = await mine.context.newPage();
    await changePasswordThroughForm(page, person.password, `${person.password} and more`);
    await expect(
      page.getByText(
        /Ended everywhere else: 1 server session, 1 JWT sign-in, 1 provider session, 2 trusted devices\. .* This browser stays signed in\./,
      ),
    ).toBeVisible();

    expect(await statuses(request, theirs)).toEqual(ALL_REFUSED);
    // This browser stays signed in under all three, with new credentials; copies of its old ones
    // (a thief's, say) are refused like everyone else's.
    for (const path of ["/api/session/me", "/api/jwt/me", "/api/oauth/me"])
      expect((await mine.context.request.get(path)).status(), path).toBe(200);
    expect(await cookieValue(mine.context, COOKIES.jwtAccess)).not.toBe(mine.access);
    expect(await statuses(request, mine)).toEqual(ALL_REFUSED);
  });
});

test.describe("linking a provider", () => {
  test("needs a fresh proof, links for the password person only, and never signs anyone in", async ({
    baseURL,
    page,
    person,
  }) => {
    // A provider email that matches a password account is never linked on its own.
    const identity = { name: person.name, email: person.email };
    const refused = new URL(await signInWithProviderOverHttp(page, "google", identity));
    expect(refused.pathname + refused.search).toBe(
      `${STRATEGIES.oauth.loginPath}?error=OAuthAccountNotLinked`,
    );
    await page.context().clearCookies({ domain: new URL(IDP_URL).hostname });

    await signInOverHttp(page, "session", person);
    await page.goto("/oauth/link");
    await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
    // A sign-in just made is a recent proof: straight to the provider, no password asked.
    await page.getByRole("button", { name: "Link Google" }).click();
    await page.waitForURL((url) => url.href.startsWith(IDP_URL));
    // The intent lives on the server, bound to this round's state: the browser holds nothing new
    // but Auth.js's own short-lived round cookies.
    const names = (await page.context().cookies(baseURL)).map((cookie) => cookie.name);
    expect(
      names.filter((name) => !/authjs\.(state|pkce|nonce|callback-url|csrf)/.test(name)),
    ).toEqual(expect.arrayContaining([COOKIES.session]));
    expect(names.some((name) => name.includes("link"))).toBe(false);
    await completeAtProvider(page, identity);

    await expect(page).toHaveURL(/\/oauth\/link\?linked=google$/);
    await expect(page.getByText("Google is linked")).toBeVisible();
    await expect(page.getByTestId("linked-account")).toHaveCount(1);
    // A link is not a sign-in: no Auth.js session came of it.
    expect(await cookieValue(page, COOKIES.oauthSession)).toBeUndefined();
    expect((await page.request.get("/api/oauth/me")).status()).toBe(401);

    // Now Google signs the same person in.
    await signInWithProviderOverHttp(page, "google", identity);
    const me = (await (await page.request.get("/api/oauth/me")).json()) as { user: { id: string } };
    const sessionMe = (await (await page.request.get("/api/session/me")).json()) as {
      user: { id: string };
    };
    expect(me.user.id).toBe(sessionMe.user.id);

    // Every strategy's page shows the link.
    for (const path of [STRATEGIES.session.href, STRATEGIES.oauth.protectedPaths[0]]) {
      await page.goto(path);
      await expect(page.getByTestId("account-activity"), path).toContainText("google linked");
    }
  });

  test("a new link is written down and shown on the account page until the person says it was them", async ({
    newBrowser,
    page,
    person,
  }) => {
    await linkGoogle(newBrowser, person);
    await signInOverHttp(page, "session", person);
    await page.goto("/account");
    await expect(page.getByTestId("link-notice")).toContainText("Google, linked");
    await expect(page.getByTestId("inventory-provider")).toContainText(
      "through your session sign-in, after password",
    );
    await page.getByRole("button", { name: "That was me" }).click();
    await expect(page.getByTestId("link-notice")).toHaveCount(0);
  });

  test("a provider account already linked to someone else is refused, and logged", async ({
    newBrowser,
    page,
    person,
  }) => {
    // Someone else signs up with this GitHub identity first.
    const theirs = newIdentity();
    const other = await newBrowser();
    await signInWithProviderOverHttp(other.context, "github", theirs);
    await other.context.close();

    await signInOverHttp(page, "session", person);
    await page.goto("/oauth/link");
    await page.getByRole("button", { name: "Link GitHub" }).click();
    await completeAtProvider(page, theirs);
    await expect(page).toHaveURL(/\/oauth\/link\?link=taken$/);
    await expect(
      page.getByRole("alert").filter({ hasText: "already linked to someone else" }),
    ).toBeVisible();
    await expect(page.getByTestId("linked-account")).toHaveCount(0);
    await expect(page.getByTestId("account-activity")).toContainText("Linking github refused");
  });

  test("a browser signed in as two different people links nothing: it isn't guessed at", async ({
    page,
    person,
  }) => {
    // This browser holds an Auth.js session for a stranger…
    await signInWithProviderOverHttp(page, "google", newIdentity());
    // …and a server session for the person.
    await signInOverHttp(page, "session", person);
    await page.goto("/oauth/link");
    await expect(
      page.getByRole("alert").filter({ hasText: "signed in as two different people" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Link GitHub" })).toHaveCount(0);
    // The API says the same, and no round to the provider starts.
    const link = await page.request.post("/api/account/link", { data: { provider: "github" } });
    expect(link.status()).toBe(409);
  });

  test("signed in through a provider, a new provider account is never linked by signing in with it", async ({
    oauthUser: { page },
  }) => {
    await signInWithProviderOverHttp(page, "github", newIdentity());
    await page.goto(`${STRATEGIES.oauth.protectedPaths[0]}?link=use-link`);
    await expect(
      page.getByRole("alert").filter({ hasText: "never links an account just because" }),
    ).toBeVisible();
    await expect(page.getByTestId("linked-account")).toHaveCount(1);
  });

  test("a password person sees linked providers and unlinks one: every other sign-in ends", async ({
    newBrowser,
    page,
    person,
    request,
  }) => {
    await linkGoogle(newBrowser, person);
    const elsewhere = await signedInEverywhere(newBrowser, person);

    await signInOverHttp(page, "session", person);
    await page.goto("/oauth/link");
    await expect(page.getByTestId("linked-account")).toContainText("Google");
    await confirmAction(page, "Unlink Google", "Yes, unlink Google");
    await expect(page.getByText("Google is unlinked")).toBeVisible();
    await expect(page.getByTestId("linked-account")).toHaveCount(0);
    await expect(page.getByTestId("account-activity")).toContainText("google unlinked");

    expect(await statuses(request, elsewhere)).toEqual(ALL_REFUSED);
    expect((await page.request.get("/api/session/me")).status()).toBe(200);
  });
});

test("an ID token that the provider's keys didn't sign is refused, and nobody is signed in", async ({
  page,
}) => {
  const ended = await signInWithProviderOverHttp(page, "google", newIdentity(), {
    badIdTokenSignature: true,
  });
  expect(new URL(ended).pathname + new URL(ended).search).toBe(
    `${STRATEGIES.oauth.loginPath}?error=IdTokenInvalid`,
  );
  expect(await cookieValue(page, COOKIES.oauthSession)).toBeUndefined();
  expect((await page.request.get("/api/oauth/me")).status()).toBe(401);
  await page.goto(ended);
  await expect(page.getByRole("alert").filter({ hasText: "ID token was refused" })).toBeVisible();
});

test("no JSON the app serves to a signed-in browser contains a credential it holds HttpOnly", async ({
  page,
  person,
  identity,
}) => {
  await signInEverywhereOverHttp(page, person, identity);
  const held = (await page.context().cookies()).filter((cookie) => cookie.httpOnly);
  expect(held.map((cookie) => cookie.name)).toEqual(
    expect.arrayContaining([COOKIES.session, COOKIES.jwtAccess, COOKIES.oauthSession]),
  );

  // Every JSON endpoint the pages fetch while they are used, and the API's own GET endpoints.
  const fetched = new Set<string>();
  page.on("response", (response) => {
    if (response.headers()["content-type"]?.includes("application/json"))
      fetched.add(new URL(response.url()).pathname);
  });
  for (const path of ["/", STRATEGIES.jwt.href, STRATEGIES.oauth.protectedPaths[0], "/lab"])
    await page.goto(path);
  const probed = page.waitForResponse((response) =>
    response.url().endsWith("/api/lab/guard-costs"),
  );
  await page.getByRole("button", { name: "Time each guard on this server" }).click();
  await probed;
  expect(fetched.size, [...fetched].join(", ")).toBeGreaterThan(0);
  const paths = new Set([
    ...fetched,
    "/api/auth/session",
    "/api/auth/providers",
    "/api/auth/csrf",
    "/api/session/me",
    "/api/jwt/me",
    "/api/oauth/me",
    "/api/session/notes",
    "/api/jwt/notes",
    "/api/oauth/notes",
    "/api/lab/events",
    "/.well-known/jwks.json",
    "/api/health",
  ]);
  const bodies = await Promise.all(
    [...paths].map(async (path) => ({
      url: path,
      body: await (await page.request.get(path)).text(),
    })),
  );
  const session = JSON.parse(bodies.find((b) => b.url === "/api/auth/session")?.body ?? "{}");
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  for (const { url, body } of bodies)
    for (const cookie of held)
      expect(body.includes(cookie.value), `${url} contains ${cookie.name}`).toBe(false);
});

test.describe("linking after an old sign-in", () => {
  // The recent-proof server counts a proof as recent for RECENT_PROOF_SECONDS only.
  test.use({ baseURL: RECENT_PROOF_URL });

  test("an old sign-in must confirm it is them first; a wrong password links nothing", async ({
    page,
    person,
  }) => {
    await signInOverHttp(page, "session", person);
    await waitUntilProofIsOld();
    await page.goto("/oauth/link");
    await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
    await page.getByRole("button", { name: "Link GitHub" }).click();
    await expect(page).toHaveURL(
      /\/account\/confirm\?action=link&provider=github&next=%2Foauth%2Flink$/,
    );
    await expect(page.getByText("link a sign-in provider to your account")).toBeVisible();
    await page.getByLabel("Your password").fill("not my password at all");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("That is not your password.")).toBeVisible();
    await expect(page.getByText("Not confirmed.")).toBeVisible();

    // Confirmed: the link carries on to the provider without a second press.
    await page.getByLabel("Your password").fill(person.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await completeAtProvider(page, person);
    await expect(page).toHaveURL(/\/oauth\/link\?linked=github$/);
  });

  test("after a re-proof at the provider, the unlink it was for carries on by itself", async ({
    newBrowser,
    page,
    person,
    identity,
  }) => {
    // This browser's sign-in grows old while another browser of the person links GitHub, after a
    // password re-proof of its own (a link is no kill switch: this browser stays signed in).
    await signInOverHttp(page, "session", person);
    const other = await newBrowser();
    await signInOverHttp(other.page, "session", person);
    await waitUntilProofIsOld();
    await other.page.goto("/oauth/link");
    await other.page.getByRole("button", { name: "Link GitHub" }).click();
    await other.page.getByLabel("Your password").fill(person.password);
    await other.page.getByRole("button", { name: "Confirm" }).click();
    await completeAtProvider(other.page, identity);
    await expect(other.page).toHaveURL(/\/oauth\/link\?linked=github$/);

    await page.goto("/account");
    await confirmAction(page, "Unlink GitHub", "Yes, unlink GitHub");
    await expect(page).toHaveURL(
      /\/account\/confirm\?action=unlink&provider=github&next=%2Faccount$/,
    );
    await page.getByRole("button", { name: "Continue with GitHub" }).click();
    await reproveAtProvider(page, identity);
    // Back with the nonce of the round this browser started: no second press.
    await expect(page).toHaveURL(/\/account\?unlinked=github$/);
    await expect(page.getByTestId("inventory-provider")).toHaveCount(0);
  });
});

test.describe("the confirmation page, reached from a link", () => {
  test("with a recent proof, a link from another site only asks: nothing is unlinked until the person presses Continue", async ({
    page,
    person,
    identity,
  }) => {
    // A victim who signed in (and linked GitHub) moments ago: their proof is recent.
    await signInOverHttp(page, "session", person);
    await page.goto("/oauth/link");
    await page.getByRole("button", { name: "Link GitHub" }).click();
    await completeAtProvider(page, identity);
    await expect(page).toHaveURL(/\/oauth\/link\?linked=github$/);

    // What another site links to. Its GET carries the victim's cookies (SameSite=Lax lets a
    // top-level navigation through), so the page must not act on it: it asks, and sends nothing.
    const actions: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/account/confirm")
        actions.push(request.url());
    });
    const link = "/account/confirm?action=unlink&provider=github";
    await page.goto(link);
    await expect(page.getByText("You are about to unlink GitHub.")).toBeVisible();
    await expect(page.getByText(/Continuing to/)).toHaveCount(0);
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("inventory-provider")).toContainText("GitHub");
    expect(actions).toEqual([]);

    // A nonce made up by the link's author is no better than none; the person's own press is.
    await page.goto(`${link}&continue=${"A".repeat(43)}`);
    await expect(page.getByText("You are about to unlink GitHub.")).toBeVisible();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL(/\/account\?unlinked=github$/);
    await expect(page.getByTestId("inventory-provider")).toHaveCount(0);

    // The same link again: nothing left to unlink, it says so and offers nothing to press.
    await page.goto(link);
    await expect(
      page.getByRole("alert").filter({ hasText: "GitHub is not linked to your account" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue", exact: true })).toHaveCount(0);
  });

  test("without JavaScript, the confirmation is a plain form that works when pressed", async ({
    sessionUser: { page },
  }) => {
    const link = "/account/confirm?action=sign-out-everywhere&via=session&next=%2Fsession";
    await page.goto(link);
    await expect(
      page.getByText(
        "You are about to end every server session of yours, this browser's included.",
      ),
    ).toBeVisible();
    expect((await page.request.get("/api/session/me")).status()).toBe(200);
    const pressed = await submitWithoutJavaScript(
      page,
      link,
      (form) => form.includes(">Continue<"),
      {},
    );
    expect(pressed.status()).toBe(303);
    expect(new URL(pressed.headers()["location"] ?? "", page.url()).pathname).toBe(
      STRATEGIES.session.loginPath,
    );
    expect((await page.request.get("/api/session/me")).status()).toBe(401);
  });
});
