import { type APIRequestContext, type BrowserContext, expect, type Page } from "@playwright/test";
import { STRATEGIES, type StrategyId } from "./names";
import type { Identity, Person } from "./people";
import { IDP_URL } from "./servers";

// Signing in, two ways. Over HTTP (no page load) for every test whose subject is not the sign-in
// itself: the requests share the browser's cookie jar, so the browser is signed in afterwards.
// Through the forms and the provider's screens for the tests that are about them.

type Target = Page | BrowserContext | APIRequestContext;
export type Provider = "google" | "github";

const requestOf = (target: Target): APIRequestContext =>
  "request" in target ? target.request : target;

/** Session or JWT: the JSON sign-in route, which sets the same cookies the form does. */
export async function signInOverHttp(
  target: Target,
  strategy: Exclude<StrategyId, "oauth">,
  person: Pick<Person, "email" | "password">,
  baseURL = "",
): Promise<void> {
  const response = await requestOf(target).post(`${baseURL}${STRATEGIES[strategy].api}/login`, {
    data: { email: person.email, password: person.password },
  });
  expect(response.status(), `${strategy} sign-in: ${await response.text()}`).toBe(200);
}

const form = (fields: Record<string, string>) => ({ form: fields });

/** One browser signed in under all three strategies: session and JWT as `person`, the provider as `identity`. */
export async function signInEverywhereOverHttp(
  target: Target,
  person: Pick<Person, "email" | "password">,
  identity: Identity,
  provider: Provider = "google",
): Promise<void> {
  await signInOverHttp(target, "session", person);
  await signInOverHttp(target, "jwt", person);
  await signInWithProviderOverHttp(target, provider, identity);
}

/**
 * OAuth over HTTP: Auth.js's sign-in endpoint, then the identity provider's sign-in and consent
 * forms, then the callback, following every redirect with the browser's cookie jar.
 */
export async function signInWithProviderOverHttp(
  target: Target,
  provider: Provider,
  identity: Identity,
  {
    baseURL = "",
    next = "/oauth/account",
    badIdTokenSignature = false,
  }: {
    baseURL?: string;
    next?: string;
    /** The identity provider's test switch: the ID token comes back signed with a stranger's key. */
    badIdTokenSignature?: boolean;
  } = {},
): Promise<string> {
  const request = requestOf(target);
  const csrf = await request.get(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await request.post(
    `${baseURL}/api/auth/signin/${provider}`,
    form({ csrfToken, callbackUrl: next }),
  );
  let at = new URL(login.url());
  // A fresh browser meets the sign-in form; one the provider remembers goes straight to consent.
  if (at.origin === IDP_URL && /\/interaction\/[\w-]+$/.test(at.pathname)) {
    const page = await login.text();
    if (page.includes('name="email"')) {
      const signedIn = await request.post(
        `${at.href}/login`,
        form({ ...identity, ...(badIdTokenSignature ? { bad_id_token: "on" } : {}) }),
      );
      at = new URL(signedIn.url());
    }
  }
  if (at.origin === IDP_URL) {
    const consented = await request.post(`${at.href}/confirm`);
    at = new URL(consented.url());
  }
  expect(at.origin, `the provider sent the browser back (${at.href})`).not.toBe(IDP_URL);
  return at.href;
}

/** The session or JWT sign-in form, as a person fills it in. */
export async function signInThroughForm(
  page: Page,
  strategy: Exclude<StrategyId, "oauth">,
  person: Pick<Person, "email" | "password">,
): Promise<void> {
  await page.goto(STRATEGIES[strategy].loginPath);
  await submitSignInForm(page, person);
  const heading = strategy === "session" ? "Signed in with a server session" : "Signed in with JWT";
  await expect(page.getByRole("heading", { name: heading })).toBeVisible();
}

/** Fills in and sends the session or JWT sign-in form this page shows. */
export async function submitSignInForm(
  page: Page,
  person: Pick<Person, "email" | "password">,
): Promise<void> {
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The session strategy's password form (/session/password), filled in and sent. */
export async function changePasswordThroughForm(
  page: Page,
  current: string,
  next: string,
): Promise<void> {
  await page.goto("/session/password");
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

/**
 * The provider flow in the browser: the app's button, the provider's sign-in page (a typed
 * identity), its consent screen. Ends wherever the app sends the browser back.
 */
export async function signInThroughProvider(
  page: Page,
  provider: "Google" | "GitHub",
  identity: Identity,
  options: { consent?: "Allow" | "Deny"; start?: string } = {},
): Promise<void> {
  await page.goto(options.start ?? STRATEGIES.oauth.loginPath);
  await page.getByRole("button", { name: new RegExp(`(Continue with|Link) ${provider}`) }).click();
  await completeAtProvider(page, identity, options.consent);
}

/** The provider's own screens, from wherever the app sent the browser to it. */
export async function completeAtProvider(
  page: Page,
  identity: Identity,
  consent: "Allow" | "Deny" = "Allow",
): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(IDP_URL));
  await page.getByLabel("Name").fill(identity.name);
  await page.getByLabel("Email").fill(identity.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("button", { name: consent }).click();
  await page.waitForURL((url) => !url.href.startsWith(IDP_URL));
}

/**
 * A re-proof at the provider (prompt=login, max_age=0): its sign-in form again although it
 * remembers this browser, then its consent screen only if it shows one (consent granted before
 * may be skipped). Ends once the browser has left this provider's pages: back at the app, or
 * already on to another provider (a link the app carries on with).
 */
export async function reproveAtProvider(page: Page, identity: Identity): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(IDP_URL));
  const provider = `${IDP_URL}/${new URL(page.url()).pathname.split("/")[1]}/`;
  await page.getByLabel("Name").fill(identity.name);
  await page.getByLabel("Email").fill(identity.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const allow = page.getByRole("button", { name: "Allow" });
  const back = (url: URL) => !url.href.startsWith(provider);
  await Promise.race([allow.waitFor(), page.waitForURL(back)]);
  if (!back(new URL(page.url()))) await allow.click();
  await page.waitForURL(back);
}

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&amp;": "&",
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};
const unescapeHtml = (text: string) =>
  text.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);

/**
 * Submits one of a page's forms the way a browser without JavaScript does: the server action's
 * hidden fields as the page rendered them, plus `fields`, posted to the page. The answer is not
 * followed, so its redirect can be inspected.
 */
export async function submitWithoutJavaScript(
  target: Target,
  pagePath: string,
  pick: (formHtml: string) => boolean,
  fields: Record<string, string>,
) {
  const request = requestOf(target);
  const html = await (await request.get(pagePath)).text();
  const form = [...html.matchAll(/<form[^>]*>[^]*?<\/form>/g)].map((m) => m[0]).find(pick);
  expect(form, `a matching form on ${pagePath}`).toBeTruthy();
  const hidden: Record<string, string> = {};
  for (const input of (form ?? "").matchAll(
    /<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g,
  ))
    hidden[unescapeHtml(input[1] ?? "")] = unescapeHtml(input[2] ?? "");
  return request.post(pagePath, { multipart: { ...hidden, ...fields }, maxRedirects: 0 });
}

/** Follows a redirect into the provider and signs in there over HTTP; returns where it ends. */
export async function completeAtProviderOverHttp(
  target: Target,
  authorizeUrl: string,
  identity: Identity,
): Promise<string> {
  const request = requestOf(target);
  let response = await request.get(authorizeUrl);
  let at = new URL(response.url());
  if (at.origin === IDP_URL && (await response.text()).includes('name="email"')) {
    response = await request.post(`${at.href}/login`, form(identity));
    at = new URL(response.url());
  }
  if (at.origin === IDP_URL) at = new URL((await request.post(`${at.href}/confirm`)).url());
  return at.href;
}
