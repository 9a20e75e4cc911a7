import type { APIRequestContext, Page } from "@playwright/test";
import { CHECKLIST, type Question, QUESTIONS } from "../lib/interview/questions";
import { PASSKEY_EXPERIMENTS } from "../lib/lab/experiments";
import { expect, MAIN_URL, postFromAnotherSite, test } from "./fixtures";
import { strategiesInvolved, strategiesNamed } from "./support/involved";

// The interview room: every question's "Prove it" runs from a fresh browser (no account: the
// experiments make their own throwaway people) and shows a result that explains itself, right under
// the answer. Progress is kept in the browser.
//
// The page runs the first answer's proof of each topic through its button, and each result panel
// is checked as a reader sees it. The other experiments are asked for over HTTP (what the button
// sends) from a client with no account, each once, and each answer checked the same way. The
// passkey experiments' answers are checked, with the outcome each must reach, by
// passkey-lab.spec.ts: here only the one the page runs.

const TOPICS = [...new Set(QUESTIONS.map((question) => question.topic))];
/** The answers whose proofs the page runs: each topic's first. */
const ON_PAGE = TOPICS.map((topic) => QUESTIONS.find((question) => question.topic === topic)!);
/** The experiments proved here over HTTP: all the others, each once. */
const OVER_HTTP = new Set<string>(
  QUESTIONS.map((question) => question.experiment).filter(
    (experiment) =>
      !ON_PAGE.some((question) => question.experiment === experiment) &&
      !(PASSKEY_EXPERIMENTS as readonly string[]).includes(experiment),
  ),
);

type Answer = {
  verdict: { outcome: string; reason: string };
  probes: {
    label: string;
    path: string;
    sent: { name: string; value: string }[];
    asExpected: boolean;
  }[];
  facts?: { name: string }[];
};

/** An answer that explains itself: a verdict with its reason, resting on requests or facts. */
function expectExplained(question: Question, answer: Answer): void {
  const { id } = question;
  expect(answer.verdict.outcome, id).toMatch(/^(refused|partly|shown)$/);
  expect(answer.verdict.reason.trim(), id).not.toBe("");
  // Each result rests on requests made or facts measured, never on nothing.
  expect(answer.probes.length + (answer.facts ?? []).length, id).toBeGreaterThan(0);
  for (const probe of answer.probes) expect(probe.asExpected, `${id}: ${probe.label}`).toBe(true);
  expectInvolved(question, answer);
}

/** Every strategy the answer says the proof shows took part in it. */
function expectInvolved(question: Question, answer: Answer): void {
  const involved = strategiesInvolved(answer);
  for (const strategy of strategiesNamed(question.proves))
    expect(involved.has(strategy), `${question.id}: ${strategy}`).toBe(true);
}

/** Presses the card's "Prove it": the answer, checked, and the result panel showing it. */
async function proveOnPage(page: Page, question: Question): Promise<Answer> {
  const card = page.locator(`article#${question.id}`);
  const [response] = await Promise.all([
    page.waitForResponse((response) =>
      response.url().endsWith(`/api/interview/prove/${question.experiment}`),
    ),
    card.getByRole("button", { name: "Prove it" }).click(),
  ]);
  const answer = (await response.json()) as Answer;
  expectExplained(question, answer);
  // Every experiment has something to show here: the e2e server plays Google locally. (The
  // answer has arrived: some proofs wait on purpose, e.g. key rotation publishes a key a sped-up
  // cache lifetime before it signs, and the wait above is for that event, not a fixed time.)
  const result = card.getByTestId("result");
  await expect(result, question.id).toHaveAttribute("data-outcome", answer.verdict.outcome);
  await expect(result, question.id).toBeFocused();
  await expect(card.getByTestId("verdict-reason"), question.id).not.toBeEmpty();
  await expect(card.getByTestId("probe"), question.id).toHaveCount(answer.probes.length);
  await expect(card.getByTestId("result-facts").locator("[data-fact]"), question.id).toHaveCount(
    (answer.facts ?? []).length,
  );
  for (const probe of await card.getByTestId("probe").all())
    await expect(probe, question.id).toHaveAttribute("data-as-expected", "true");
  return answer;
}

/** What the button sends, from a browser with no account, without the page. */
async function proveOverHttp(request: APIRequestContext, question: Question): Promise<Answer> {
  const response = await request.post(`/api/interview/prove/${question.experiment}`, {
    headers: { origin: MAIN_URL },
  });
  expect(response.status(), `${question.id}: ${await response.text()}`).toBe(200);
  const answer = (await response.json()) as Answer;
  expectExplained(question, answer);
  return answer;
}

test("the room has at least 20 questions, each with an answer, the wrong answer and an experiment", async ({
  page,
}) => {
  expect(QUESTIONS.length).toBeGreaterThanOrEqual(20);
  await page.goto("/interview");
  const cards = page.getByTestId("question");
  await expect(cards).toHaveCount(QUESTIONS.length);
  // In the order of the questions, each card its own: its id, its question, its experiment and
  // the lab's fuller version of it.
  expect(await cards.evaluateAll((all) => all.map((card) => card.id))).toEqual(
    QUESTIONS.map((question) => question.id),
  );
  await expect(cards.getByRole("heading", { level: 3 })).toHaveText(
    QUESTIONS.map((question) => question.question),
  );
  await expect(cards.getByTestId("prove-it")).toHaveCount(QUESTIONS.length);
  expect(
    await cards
      .getByTestId("prove-it")
      .evaluateAll((all) => all.map((proveIt) => proveIt.getAttribute("data-experiment"))),
  ).toEqual(QUESTIONS.map((question) => question.experiment));
  expect(
    await cards
      .getByRole("link", { name: "The fuller experiment in the lab" })
      .evaluateAll((all) => all.map((link) => link.getAttribute("href"))),
  ).toEqual(QUESTIONS.map((question) => question.lab));
  // One wrong answer and one "Prove it" per card, each visible.
  for (const one of [
    page.getByText("The answer people often give instead"),
    page.getByRole("button", { name: "Prove it" }),
  ]) {
    await expect(cards.locator(one)).toHaveCount(QUESTIONS.length);
    await expect(cards.filter({ has: one.filter({ visible: true }) })).toHaveCount(
      QUESTIONS.length,
    );
  }
  await expect(page.getByTestId("checklist").getByRole("checkbox")).toHaveCount(CHECKLIST.length);
});

test("“Prove it” on the page, one answer per topic: each result shows under its answer and counts as proved, apart from answers marked ready; progress survives a reload", async ({
  page,
}) => {
  const total = QUESTIONS.length;
  await page.goto("/interview");
  const proved = page.getByTestId("interview-proved");
  const ready = page.getByTestId("interview-ready");
  await expect(proved).toContainText(`0 of ${total} answers proved`);
  await expect(ready).toContainText(`0 of ${total}`);

  // Proved live: counted as proved, not as ready.
  for (const question of ON_PAGE) {
    const answer = await proveOnPage(page, question);
    // Another answer proved by the same experiment: this answer shows what that one names too.
    for (const other of QUESTIONS.filter((q) => q.experiment === question.experiment))
      expectInvolved(other, answer);
  }
  await expect(proved).toContainText(`${ON_PAGE.length} of ${total} answers proved`);
  await expect(ready).toContainText(`0 of ${total}`);

  // One marked ready, and a checklist line ticked: counted as ready.
  const first = page.locator(`article#${ON_PAGE[0]!.id}`);
  await first.getByLabel("I could give this answer in an interview").check();
  await page.getByTestId("checklist").getByRole("checkbox").first().check();
  await expect(ready).toContainText(`1 of ${total}`);
  await expect(proved).toContainText(`${ON_PAGE.length} of ${total} answers proved`);

  // All of it is kept in this browser.
  await page.reload();
  await expect(proved).toContainText(`${ON_PAGE.length} of ${total} answers proved`);
  await expect(ready).toContainText(`1 of ${total}`);
  await expect(first.getByLabel("I could give this answer in an interview")).toBeChecked();
  await expect(page.getByTestId("checklist").getByRole("checkbox").first()).toBeChecked();
});

for (const topic of TOPICS) {
  // The experiments first met in this topic (each is run once, in the topic it first proves).
  const experiments = [...OVER_HTTP].filter(
    (experiment) =>
      QUESTIONS.find((question) => question.experiment === experiment)!.topic === topic,
  );
  if (experiments.length === 0) continue;
  test(`every other “Prove it” works from a fresh browser: ${topic}`, async ({ request }) => {
    for (const experiment of experiments) {
      const proving = QUESTIONS.filter((question) => question.experiment === experiment);
      const answer = await proveOverHttp(request, proving[0]!);
      // Two answers proved by one experiment: its answer shows what each of them names.
      for (const question of proving) expectInvolved(question, answer);
    }
  });
}

test("“Prove it” refuses a cross-site request and an unknown name", async ({ request }) => {
  const crossSite = await postFromAnotherSite(request, "/api/interview/prove/decode");
  expect(crossSite.status()).toBe(403);
  const unknown = await request.post("/api/interview/prove/nope");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    error: { code: "not_found", message: "No such experiment." },
  });
});
