import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { createThrowawayPerson, deletePerson, idsByEmail } from "@/lib/auth/account/person";
import { STRATEGIES } from "@/lib/auth/names";
import { providerInfo } from "@/lib/auth/oauth/providers";
import { type ProviderId } from "@/lib/auth/names";
import { THROWAWAY_EMAIL_DOMAIN } from "@/lib/auth/throwaway";
import type { RequestContext } from "@/lib/request-context";
import type { LabBrowser } from "./client/browser";
import { type Answer, appUrl } from "./client/send";

// Throwaway people for experiments that need someone (./experiments/standalone.ts, the lab's
// fixation and takeover): made on the spot with a random password the server knows, signed in
// through the app's real endpoints by a LabBrowser, and removed with every credential they had as
// soon as the run is done. A fresh browser can run anything.

export type ThrowawayPerson = { id: string; name: string; email: string; password: string };

async function makePerson(): Promise<ThrowawayPerson> {
  const tag = randomUUID().slice(0, 8);
  const person = {
    name: `Throwaway person ${tag.slice(0, 4)}`,
    email: `throwaway-${tag}-${randomUUID().slice(0, 6)}${THROWAWAY_EMAIL_DOMAIN}`,
    password: randomBytes(18).toString("base64url"),
  };
  return { id: await createThrowawayPerson(person), ...person };
}

/**
 * Runs `work` with `count` fresh people, and removes them afterwards, with anyone `work` names by
 * email (someone a provider sign-in makes: named before the sign-in, so a failure halfway through
 * leaves nobody behind). The purge removes leftovers of a crash.
 */
export async function withThrowawayPeople<T>(
  count: number,
  context: RequestContext,
  work: (people: ThrowawayPerson[], alsoRemove: (email: string) => void) => Promise<T>,
): Promise<T> {
  const people: ThrowawayPerson[] = [];
  const emails: string[] = [];
  try {
    for (let i = 0; i < count; i++) people.push(await makePerson());
    return await work(people, (email) => emails.push(email));
  } finally {
    const others = await idsByEmail(emails);
    for (const id of [...people.map((p) => p.id), ...others])
      await deletePerson(id, context).catch((error: unknown) =>
        console.error(
          "a throwaway person was left behind:",
          error instanceof Error ? error.message : error,
        ),
      );
  }
}

/** Signs `browser` in as `person` through the strategy's JSON sign-in route. */
export async function signInOver(
  browser: LabBrowser,
  strategy: "session" | "jwt",
  person: ThrowawayPerson,
): Promise<Answer> {
  const answer = await browser.request(appUrl(`${STRATEGIES[strategy].api}/login`), {
    method: "POST",
    json: { email: person.email, password: person.password },
  });
  if (answer.status !== 200) throw new Error(`${strategy} sign-in answered ${answer.status}`);
  return answer;
}

/** Can a provider sign-in run without a person at a keyboard? Only against the local IdP. */
export const localProviderAvailable = (provider: ProviderId = "google") =>
  providerInfo().find((info) => info.id === provider)?.local === true;

export type ProviderSignIn = {
  /** Where Auth.js sent the browser: the authorization request, parameters and all. */
  authorizationUrl: string;
  /** The provider's redirect back, with its code and state. */
  callbackUrl: string;
  userId: string;
};

/**
 * An authorization-code sign-in against the local identity provider, as a browser does it, up to
 * the provider's redirect back: Auth.js's CSRF token, the sign-in POST, the provider's sign-in and
 * consent forms. Returns the authorization request and the callback, not yet followed.
 */
export async function startProviderSignIn(
  browser: LabBrowser,
  provider: ProviderId,
  identity: { name: string; email: string },
): Promise<{ authorizationUrl: string; callbackUrl: string }> {
  const csrf = JSON.parse((await browser.request(appUrl("/api/auth/csrf"))).body) as {
    csrfToken: string;
  };
  const start = await browser.request(appUrl(`/api/auth/signin/${provider}`), {
    method: "POST",
    form: { csrfToken: csrf.csrfToken, callbackUrl: STRATEGIES.oauth.protectedPaths[0] },
  });
  const authorizationUrl = new URL(start.headers.get("location") ?? "", start.url).href;
  return {
    authorizationUrl,
    callbackUrl: await authorizeAtProvider(browser, authorizationUrl, identity),
  };
}

/**
 * The provider's part of a sign-in, as a browser goes through it: the authorization request, its
 * sign-in form (skipped when it remembers this browser) and its consent. Returns where the
 * provider sends the browser back to this app (the callback, with its code), not yet followed.
 */
export async function authorizeAtProvider(
  browser: LabBrowser,
  authorizationUrl: string,
  identity: { name: string; email: string },
): Promise<string> {
  const interaction = await browser.navigate(authorizationUrl);
  const atConsent = interaction.body.includes('name="email"')
    ? await browser.navigate(`${interaction.url}/login`, { method: "POST", form: identity })
    : interaction;
  let answer = await browser.request(`${atConsent.url}/confirm`, { method: "POST" });
  for (let hops = 0; hops < 10 && answer.status >= 300 && answer.status < 400; hops++) {
    const next = new URL(answer.headers.get("location") ?? "", answer.url).href;
    if (next.startsWith(appUrl("/api/auth/callback/"))) return next;
    answer = await browser.request(next);
  }
  throw new Error(`the provider never sent the browser back (${answer.status} at ${answer.url})`);
}

/** The whole sign-in: the flow above, then the callback, then who the app says this is. */
export async function signInWithLocalProvider(
  browser: LabBrowser,
  provider: ProviderId,
  identity: { name: string; email: string },
): Promise<ProviderSignIn> {
  const { authorizationUrl, callbackUrl } = await startProviderSignIn(browser, provider, identity);
  await browser.navigate(callbackUrl);
  const me = await browser.request(appUrl("/api/oauth/me"));
  if (me.status !== 200) throw new Error(`the provider sign-in ended with ${me.status}`);
  const { user } = JSON.parse(me.body) as { user: { id: string } };
  return { authorizationUrl, callbackUrl, userId: user.id };
}
