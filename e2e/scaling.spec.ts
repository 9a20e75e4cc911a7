import type { Page } from "@playwright/test";
import { CLUSTER_URL, expect, expectError, test } from "./fixtures";
import {
  addVirtualAuthenticator,
  answerWithPasskey,
  createAccountWithPasskey,
} from "./support/passkeys";
import { CLUSTER_INSTANCE_URLS } from "./support/servers";

// The lab's Scaling experiment on `npm run cluster` (two instances behind a load balancer, with
// Redis and a supervisor): each failure mode from the textbook, live. The tests share one cluster,
// so they run one after another, and each starts by putting the sessions where it needs them: in
// this order, the store changes twice (each change restarts both instances).

test.use({ baseURL: CLUSTER_URL });
// Each test starts two or three Next.js processes (a store switch restarts both instances, then
// one restarts again): 1.5 s each on an idle machine, 10 s and more on a busy 2-core runner. That
// is the work these tests exist to do, so each gets a budget for it, not the default 30 s of a
// test that starts none.
test.describe.configure({ mode: "serial", timeout: 60_000 });

/** Presses a step's button and waits for its last request: the step itself, then (after a
 * restart or a switch, once every instance is back) the question to both instances. */
async function step(page: Page, button: string, followUp = true): Promise<void> {
  const last = page.waitForResponse((response) => {
    const request = response.request();
    if (request.method() !== "POST" || !response.url().endsWith("/api/lab/scaling")) return false;
    const action = (JSON.parse(request.postData() ?? "{}") as { action?: string }).action;
    return followUp ? action === "ask" : true;
  });
  await page.getByRole("button", { name: button }).click();
  await last;
  // The result area takes focus once it shows the answers.
  await expect(page.getByTestId("scaling-result")).toBeFocused();
  await expect(page.getByTestId("scaling-result")).not.toContainText("Working…");
}

function answer(page: Page, instance: string, label: string) {
  return page
    .locator(`[data-testid="scaling-answer"][data-instance="${instance}"][data-label="${label}"]`)
    .last();
}

/** The instance's answer to the question `label` had this HTTP status. */
async function expectAnswer(page: Page, instance: string, label: string, status: number) {
  await expect(answer(page, instance, label)).toHaveAttribute("data-status", String(status));
}

type Store = "Redis" | "the database" | "memory (teaching mode)";

async function sessionsIn(page: Page, store: Store) {
  await page.goto("/lab#scaling-heading");
  const button = page.getByRole("button", { name: `Sessions in ${store}` });
  await expect(page.getByTestId("scaling-status")).toContainText("instance a");
  if (await button.isEnabled()) await step(page, `Sessions in ${store}`);
  await expect(page.getByTestId("scaling-status")).toContainText("instance a up, instance b up");
}

/** With the sessions in `store`, the person signs in on instance a. */
async function signInOnInstanceA(page: Page, store: Store): Promise<void> {
  await sessionsIn(page, store);
  await step(page, "Sign in on instance a");
}

test("a session in Redis is honoured by every instance and survives a restart; a revocation on one is refused by all", async ({
  page,
}) => {
  await signInOnInstanceA(page, "Redis");
  await expectAnswer(page, "a", "server session", 200);
  await expectAnswer(page, "b", "server session", 200);
  await expectAnswer(page, "b", "JWT, checked", 200);
  await expect(page.getByTestId("scaling-verdict")).toContainText("Both instances honour");

  await step(page, "Restart instance a");
  await expectAnswer(page, "a", "server session", 200);
  await expect(page.getByTestId("scaling-verdict")).toContainText("lives in Redis");

  await step(page, "Sign out on instance b, then replay the copy", false);
  await expectAnswer(page, "b", "sign out (session)", 204);
  await expectAnswer(page, "a", "the copied session cookie", 401);
  await expectAnswer(page, "b", "the copied session cookie", 401);
});

/**
 * A passkey sign-in across the instances: its challenge made by instance a, answered on b (one
 * store for both), and the same answer replayed on each is refused: used once, on any instance.
 */
async function passkeyOnceAcrossInstances(page: Page) {
  await addVirtualAuthenticator(page);
  await createAccountWithPasskey(page);
  const origin = { origin: CLUSTER_URL };
  const started = await page.request.post(
    `${CLUSTER_INSTANCE_URLS.a}/api/passkey/authenticate/options`,
    { headers: origin, data: { purpose: "sign-in" } },
  );
  expect(started.status()).toBe(200);
  const { ceremonyId, options } = (await started.json()) as {
    ceremonyId: string;
    options: PublicKeyCredentialRequestOptionsJSON;
  };
  const body = { ceremonyId, response: await answerWithPasskey(page, options) };
  const verify = (instance: keyof typeof CLUSTER_INSTANCE_URLS) =>
    page.request.post(`${CLUSTER_INSTANCE_URLS[instance]}/api/passkey/authenticate/verify`, {
      headers: origin,
      data: body,
    });
  const signedIn = await verify("b");
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["x-instance"]).toBe("b");
  for (const instance of ["a", "b"] as const)
    await expectError(await verify(instance), 400, "bad_request", /already used/);
}

test("a passkey challenge from instance a is answered on b and used up for both (challenges in Redis)", async ({
  page,
}) => {
  await sessionsIn(page, "Redis");
  await passkeyOnceAcrossInstances(page);
});

test("Redis down: nobody can use a session (503), stateless JWTs keep working, and it recovers with no restart", async ({
  page,
}) => {
  await signInOnInstanceA(page, "Redis");
  await expectAnswer(page, "b", "server session", 200);

  await step(page, "Stop Redis");
  await expect(page.getByTestId("scaling-redis")).toHaveText("stopped");
  for (const instance of ["a", "b"]) {
    await expectAnswer(page, instance, "server session", 503);
    await expectAnswer(page, instance, "JWT, stateless", 200);
  }
  await expect(page.getByTestId("scaling-verdict")).toContainText("Redis is down");

  await step(page, "Start Redis");
  await expectAnswer(page, "a", "server session", 200);
  await expectAnswer(page, "b", "server session", 200);
});

test("a session in the database is shared and survives a restart too", async ({ page }) => {
  await signInOnInstanceA(page, "the database");
  await expectAnswer(page, "b", "server session", 200);
  await step(page, "Restart instance a");
  await expectAnswer(page, "a", "server session", 200);
  await expect(page.getByTestId("scaling-verdict")).toContainText("lives in the database");
});

test("a passkey challenge from instance a is answered on b and used up for both (challenges in the database)", async ({
  page,
}) => {
  await sessionsIn(page, "the database");
  await passkeyOnceAcrossInstances(page);
});

test("an in-memory session exists on one instance only, and a restart forgets it", async ({
  page,
}) => {
  await sessionsIn(page, "memory (teaching mode)");
  await expect(page.getByTestId("scaling-store")).toHaveText("each instance's memory");
  await step(page, "Sign in on instance a");
  await expectAnswer(page, "a", "server session", 200);
  await expectAnswer(page, "b", "server session", 401);
  await expect(page.getByTestId("scaling-verdict")).toContainText("sticky sessions");

  await step(page, "Restart instance a");
  await expectAnswer(page, "a", "server session", 401);
  // The JWT needs no session store at all: every instance still checks its signature.
  await expectAnswer(page, "b", "JWT, stateless", 200);
});
