import { linkTerms } from "../lib/glossary-links";
import { QUESTIONS } from "../lib/interview/questions";
import { expect, test } from "./fixtures";

// The interview room's search narrows the questions; a term in an answer links to its glossary
// entry.

test("searching the interview room shows only the questions with every word, and says how many", async ({
  page,
}) => {
  await page.goto("/interview");
  const search = page.getByRole("searchbox", { name: "Search the questions" });
  const matching = QUESTIONS.filter((question) =>
    [question.question, question.answer, question.wrongAnswer]
      .join(" ")
      .toLowerCase()
      .includes("code_verifier"),
  );
  expect(matching.length).toBeGreaterThan(0);
  await search.fill("code_verifier");
  await expect(page.getByRole("status").filter({ hasText: "questions match" })).toHaveText(
    `${matching.length} of ${QUESTIONS.length} questions match.`,
  );
  await expect(page.locator("article[data-search]:visible")).toHaveCount(matching.length);
  await search.fill("no-such-word-anywhere");
  await expect(page.getByText("No question matches")).toBeVisible();
  await search.fill("");
  await expect(page.locator("article[data-search]:visible")).toHaveCount(QUESTIONS.length);
});

test("a term in an answer links to its glossary entry", async ({ page }) => {
  const [question, term] = QUESTIONS.flatMap((candidate) =>
    linkTerms(candidate.answer.replaceAll("**", ""))
      .filter((segment) => segment.glossary)
      .map((segment) => [candidate, segment] as const),
  )[0]!;
  await page.goto("/interview");
  await page
    .locator(`article#${question.id}`)
    .getByRole("link", { name: term.text, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/glossary#${term.glossary}$`));
  await expect(page.locator(`#${term.glossary}`)).toBeInViewport();
});
