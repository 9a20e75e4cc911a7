import { randomBytes, randomUUID } from "node:crypto";
import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";
import { PORTS } from "../playwright.config";

// Shared fixtures: every test gets its own person and its own client address, so specs run in
// any order and in parallel without sharing a throttle counter or a note.

export type Person = { name: string; email: string; password: string };

export function newPerson(): Person {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Tester ${id}`,
    email: `tester-${id}@e2e.authlab.test`,
    password: `lab passphrase ${randomUUID()}`,
  };
}

/** A random address from 198.18.0.0/15 (benchmarking range), sent as X-Forwarded-For. */
export function randomIp(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `198.${18 + (a % 2)}.${b}.${c}`;
}

export const SHORT_LIVED_URL = `http://localhost:${PORTS.shortLived}`;

export async function registerThroughForm(page: Page, person: Person): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
}

/** Registers `person` in a throwaway browser context, leaving the test's own context untouched. */
export async function registerPerson(
  browser: Browser,
  person: Person,
  baseURL: string,
): Promise<void> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  try {
    await registerThroughForm(await context.newPage(), person);
  } finally {
    await context.close();
  }
}

export async function signInWithSession(
  page: Page,
  person: Pick<Person, "email" | "password">,
): Promise<void> {
  await page.goto("/session/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("heading", { name: "Signed in with a server session" }),
  ).toBeVisible();
}

export async function signInWithJwt(
  page: Page,
  person: Pick<Person, "email" | "password">,
): Promise<void> {
  await page.goto("/jwt/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Signed in with JWT" })).toBeVisible();
}

export const JWT_COOKIES = { access: "auth-lab.access", refresh: "auth-lab.refresh" } as const;

export const IDP_URL = `http://127.0.0.1:${PORTS.idp}`;
export const OAUTH_COOKIE = "authjs.session-token";

/**
 * Signs in through the local identity provider: the app's button, the provider's sign-in page
 * (a typed identity), its consent screen. Ends wherever the app sends the browser back.
 */
export async function signInThroughProvider(
  page: Page,
  provider: "Google" | "GitHub",
  identity: Pick<Person, "name" | "email">,
  options: { consent?: "Allow" | "Deny"; start?: string } = {},
): Promise<void> {
  await page.goto(options.start ?? "/oauth/login");
  await page.getByRole("button", { name: new RegExp(`(Continue with|Link) ${provider}`) }).click();
  await page.waitForURL((url) => url.href.startsWith(IDP_URL));
  await page.getByLabel("Name").fill(identity.name);
  await page.getByLabel("Email").fill(identity.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("button", { name: options.consent ?? "Allow" }).click();
  await page.waitForURL((url) => !url.href.startsWith(IDP_URL));
}

/** The value of a cookie in this page's context, or undefined. */
export async function cookieValue(page: Page, name: string): Promise<string | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === name)?.value;
}

export const SESSION_COOKIE = "auth-lab.session";

/** GET /api/session/me with exactly this cookie value, from a client that holds nothing else. */
export async function sessionMeStatus(
  request: APIRequestContext,
  seal: string,
  baseURL?: string,
): Promise<number> {
  const response = await request.get(`${baseURL ?? ""}/api/session/me`, {
    headers: { cookie: `${SESSION_COOKIE}=${seal}` },
  });
  return response.status();
}

type Fixtures = {
  /** A person registered for this test only (not signed in). */
  person: Person;
  clientIp: string;
};

export const test = base.extend<Fixtures>({
  clientIp: async ({}, use) => use(randomIp()),
  extraHTTPHeaders: async ({ clientIp }, use) => use({ "x-forwarded-for": clientIp }),
  person: async ({ browser, baseURL }, use) => {
    const person = newPerson();
    await registerPerson(browser, person, baseURL ?? `http://localhost:${PORTS.main}`);
    await use(person);
  },
});

export { expect };
