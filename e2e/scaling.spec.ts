import type { Page } from "@playwright/test";
import { CLUSTER_URL, expect, test } from "./fixtures";

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

async function sessionsIn(page: Page, store: "Redis" | "the database" | "memory (teaching mode)") {
  await page.goto("/lab#scaling-heading");
  const button = page.getByRole("button", { name: `Sessions in ${store}` });
  await expect(page.getByTestId("scaling-status")).toContainText("instance a");
  if (await button.isEnabled()) await step(page, `Sessions in ${store}`);
  await expect(page.getByTestId("scaling-status")).toContainText("instance a up, instance b up");
}

test("a session in Redis is honoured by every instance and survives a restart; a revocation on one is refused by all", async ({
  page,
}) => {
  await sessionsIn(page, "Redis");
  await step(page, "Sign in on instance a");
  await expect(answer(page, "a", "server session")).toHaveAttribute("data-status", "200");
  await expect(answer(page, "b", "server session")).toHaveAttribute("data-status", "200");
  await expect(answer(page, "b", "JWT, checked")).toHaveAttribute("data-status", "200");
  await expect(page.getByTestId("scaling-verdict")).toContainText("Both instances honour");

  await step(page, "Restart instance a");
  await expect(answer(page, "a", "server session")).toHaveAttribute("data-status", "200");
  await expect(page.getByTestId("scaling-verdict")).toContainText("lives in Redis");

  await step(page, "Sign out on instance b, then replay the copy", false);
  await expect(answer(page, "b", "sign out (session)")).toHaveAttribute("data-status", "204");
  await expect(answer(page, "a", "the copied session cookie")).toHaveAttribute(
    "data-status",
    "401",
  );
  await expect(answer(page, "b", "the copied session cookie")).toHaveAttribute(
    "data-status",
    "401",
  );
});

test("Redis down: nobody can use a session (503), stateless JWTs keep working, and it recovers with no restart", async ({
  page,
}) => {
  await sessionsIn(page, "Redis");
  await step(page, "Sign in on instance a");
  await expect(answer(page, "b", "server session")).toHaveAttribute("data-status", "200");

  await step(page, "Stop Redis");
  await expect(page.getByTestId("scaling-redis")).toHaveText("stopped");
  for (const instance of ["a", "b"]) {
    await expect(answer(page, instance, "server session")).toHaveAttribute("data-status", "503");
    await expect(answer(page, instance, "JWT, stateless")).toHaveAttribute("data-status", "200");
  }
  await expect(page.getByTestId("scaling-verdict")).toContainText("Redis is down");

  await step(page, "Start Redis");
  await expect(answer(page, "a", "server session")).toHaveAttribute("data-status", "200");
  await expect(answer(page, "b", "server session")).toHaveAttribute("data-status", "200");
});

test("a session in the database is shared and survives a restart too", async ({ page }) => {
  await sessionsIn(page, "the database");
  await step(page, "Sign in on instance a");
  await expect(answer(page, "b", "server session")).toHaveAttribute("data-status", "200");
  await step(page, "Restart instance a");
  await expect(answer(page, "a", "server session")).toHaveAttribute("data-status", "200");
  await expect(page.getByTestId("scaling-verdict")).toContainText("lives in the database");
});

test("an in-memory session exists on one instance only, and a restart forgets it", async ({
  page,
}) => {
  await sessionsIn(page, "memory (teaching mode)");
  await expect(page.getByTestId("scaling-store")).toHaveText("each instance's memory");
  await step(page, "Sign in on instance a");
  await expect(answer(page, "a", "server session")).toHaveAttribute("data-status", "200");
  await expect(answer(page, "b", "server session")).toHaveAttribute("data-status", "401");
  await expect(page.getByTestId("scaling-verdict")).toContainText("sticky sessions");

  await step(page, "Restart instance a");
  await expect(answer(page, "a", "server session")).toHaveAttribute("data-status", "401");
  // The JWT needs no session store at all: every instance still checks its signature.
  await expect(answer(page, "b", "JWT, stateless")).toHaveAttribute("data-status", "200");
});
