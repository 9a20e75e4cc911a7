import type { Page } from "@playwright/test";
import { CHECKLIST, QUESTIONS } from "../lib/interview/questions";
import { expect, postFromAnotherSite, test } from "./fixtures";
import { strategiesInvolved, strategiesNamed } from "./support/involved";

// The interview room: every question's "Prove it" runs from a fresh browser (no account: the
// experiments make their own throwaway people) and shows a result that explains itself, right under
// the answer. Progress is kept in the browser.

const TOPICS = [...new Set(QUESTIONS.map((question) => question.topic))];

async function proveEvery(page: Page, topic: string): Promise<void> {
  for (const question of QUESTIONS.filter((candidate) => candidate.topic === topic)) {
    const card = page.locator(`article#${question.id}`);
    const [answer] = await Promise.all([
      page.waitForResponse((response) =>
        response.url().endsWith(`/api/interview/prove/${question.experiment}`),
      ),
      card.getByRole("button", { name: "Prove it" }).click(),
    ]);
    // Every strategy the answer says the proof shows took part in it.
    const involved = strategiesInvolved(await answer.json());
    for (const strategy of strategiesNamed(question.proves))
      expect(involved.has(strategy), `${question.id}: ${strategy}`).toBe(true);
    const result = card.getByTestId("result");
    // Every experiment has something to show here: the e2e server plays Google locally. (The
    // answer has arrived: some proofs wait on purpose, e.g. key rotation publishes a key a sped-up
    // cache lifetime before it signs, and the wait above is for that event, not a fixed time.)
    await expect(result, question.id).toHaveAttribute("data-outcome", /^(refused|partly|shown)$/);
    await expect(result, question.id).toBeFocused();
    await expect(card.getByTestId("verdict-reason"), question.id).not.toBeEmpty();
    // Each result rests on requests made or facts measured, never on nothing.
    const evidence =
      (await card.getByTestId("probe").count()) +
      (await card.getByTestId("result-facts").locator("[data-fact]").count());
    expect(evidence, question.id).toBeGreaterThan(0);
    for (const probe of await card.getByTestId("probe").all())
      await expect(probe, question.id).toHaveAttribute("data-as-expected", "true");
    await expect(
      card.getByRole("link", { name: "The fuller experiment in the lab" }),
    ).toHaveAttribute("href", question.lab);
  }
}

test("the room has at least 20 questions, each with an answer, the wrong answer and an experiment", async ({
  page,
}) => {
  expect(QUESTIONS.length).toBeGreaterThanOrEqual(20);
  await page.goto("/interview");
  const cards = page.getByTestId("question");
  await expect(cards).toHaveCount(QUESTIONS.length);
  for (const question of QUESTIONS) {
    const card = page.locator(`article#${question.id}`);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(question.question);
    await expect(card.getByText("The answer people often give instead")).toBeVisible();
    await expect(card.getByRole("button", { name: "Prove it" })).toBeVisible();
  }
  await expect(page.getByTestId("checklist").getByRole("checkbox")).toHaveCount(CHECKLIST.length);
});

for (const topic of TOPICS) {
  test(`every “Prove it” works from a fresh browser: ${topic}`, async ({ page }) => {
    await page.goto("/interview");
    await proveEvery(page, topic);
  });
}

test("progress is kept in this browser: answers marked ready and checklist lines ticked survive a reload", async ({
  page,
}) => {
  await page.goto("/interview");
  const ready = page.getByTestId("interview-ready");
  await expect(ready).toContainText(`0 of ${QUESTIONS.length}`);
  const first = page.locator(`article#${QUESTIONS[0]!.id}`);
  await first.getByLabel("I could give this answer in an interview").check();
  await page.getByTestId("checklist").getByRole("checkbox").first().check();
  await expect(ready).toContainText(`1 of ${QUESTIONS.length}`);

  await page.reload();
  await expect(ready).toContainText(`1 of ${QUESTIONS.length}`);
  await expect(first.getByLabel("I could give this answer in an interview")).toBeChecked();
  await expect(page.getByTestId("checklist").getByRole("checkbox").first()).toBeChecked();
});

test("the counters say what they count: answers proved live, apart from answers marked ready", async ({
  page,
}) => {
  await page.goto("/interview");
  const proved = page.getByTestId("interview-proved");
  await expect(proved).toContainText(`0 of ${QUESTIONS.length} answers proved`);
  for (const question of QUESTIONS.slice(0, 2)) {
    const card = page.locator(`article#${question.id}`);
    const [answer] = await Promise.all([
      page.waitForResponse((response) =>
        response.url().endsWith(`/api/interview/prove/${question.experiment}`),
      ),
      card.getByRole("button", { name: "Prove it" }).click(),
    ]);
    // Every strategy the answer says the proof shows took part in it.
    const involved = strategiesInvolved(await answer.json());
    for (const strategy of strategiesNamed(question.proves))
      expect(involved.has(strategy), `${question.id}: ${strategy}`).toBe(true);
    await expect(card.getByTestId("result")).toHaveAttribute("data-outcome", /./);
  }
  await expect(proved).toContainText(`2 of ${QUESTIONS.length} answers proved`);
  await expect(page.getByTestId("interview-ready")).toContainText(`0 of ${QUESTIONS.length}`);
  await page.reload();
  await expect(proved).toContainText(`2 of ${QUESTIONS.length} answers proved`);
});

test("“Prove it” refuses a cross-site request and an unknown name", async ({ request }) => {
  const crossSite = await postFromAnotherSite(request, "/api/interview/prove/decode");
  expect(crossSite.status()).toBe(403);
  const unknown = await request.post("/api/interview/prove/nope");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    error: { code: "not_found", message: "No such experiment." },
  });
});
