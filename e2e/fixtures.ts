import { test as base, type BrowserContext, expect, type Page } from "@playwright/test";
import { type NewBrowser, otherBrowser } from "./support/browsers";
import {
  type Identity,
  newIdentity,
  newPerson,
  type Person,
  randomIp,
  registerPerson,
} from "./support/people";
import { signInOverHttp, signInWithProviderOverHttp } from "./support/sign-in";

// The fixtures every spec starts from. Each test gets its own client address and, when it asks,
// its own person (registered through the API) or provider identity; the per-strategy fixtures
// hand over the test's page already signed in under that strategy, over HTTP, with no page load.

export type SignedIn = { page: Page; person: Person };
export type SignedInWithProvider = { page: Page; identity: Identity };

type Fixtures = {
  clientIp: string;
  /** A person registered for this test only (not signed in). */
  person: Person;
  /** A provider identity for this test only (nobody has signed in with it yet). */
  identity: Identity;
  /** The test's page, signed in with a server session as `person`. */
  sessionUser: SignedIn;
  /** The test's page, signed in with a JWT pair (in its cookies) as `person`. */
  jwtUser: SignedIn;
  /** The test's page, signed in through the local "Google" as `identity`. */
  oauthUser: SignedInWithProvider;
  /** Opens another browser (own cookies, own client address) on the test's server; closed after it. */
  newBrowser: NewBrowser;
};

export const test = base.extend<Fixtures>({
  clientIp: async ({}, use) => use(randomIp()),
  extraHTTPHeaders: async ({ clientIp }, use) => use({ "x-forwarded-for": clientIp }),
  person: async ({ request }, use) => {
    const person = newPerson();
    await registerPerson(request, person);
    await use(person);
  },
  identity: async ({}, use) => use(newIdentity()),
  sessionUser: async ({ page, person }, use) => {
    await signInOverHttp(page, "session", person);
    await use({ page, person });
  },
  jwtUser: async ({ page, person }, use) => {
    await signInOverHttp(page, "jwt", person);
    await use({ page, person });
  },
  oauthUser: async ({ page, identity }, use) => {
    await signInWithProviderOverHttp(page, "google", identity);
    await use({ page, identity });
  },
  newBrowser: async ({ browser, baseURL }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const other = await otherBrowser(browser, baseURL);
      opened.push(other.context);
      return other;
    });
    await Promise.all(opened.map((context) => context.close()));
  },
});

export { expect };
export * from "./support/api";
export * from "./support/browsers";
export * from "./support/jwt";
export * from "./support/names";
export * from "./support/notes";
export * from "./support/people";
export * from "./support/servers";
export * from "./support/sign-in";
export * from "./support/wait";
