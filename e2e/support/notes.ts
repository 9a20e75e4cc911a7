import { expect, type Page } from "@playwright/test";
import { STRATEGIES, type StrategyId } from "./names";

// The notes page (/notes?via=…) as a person uses it: the form that saves a note, and each note's
// delete button. The API contract behind it is notes-api.spec.ts's.

const notesOf = (page: Page) => page.getByTestId("note");

/** Saves `body` through the form: listed once, made via `via`, and the form is empty again. */
export async function addNoteThroughPage(page: Page, body: string, via: StrategyId): Promise<void> {
  await page.getByLabel("New note").fill(body);
  await page.getByRole("button", { name: "Save note" }).click();
  const note = notesOf(page).filter({ hasText: body });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(`created via ${via}`);
  await expect(page.getByLabel("New note")).toHaveValue("");
}

/** Deletes the page's only note with its own button: none is left, and the page says so. */
export async function deleteOnlyNoteThroughPage(page: Page, body: string): Promise<void> {
  await notesOf(page)
    .filter({ hasText: body })
    .getByRole("button", { name: `Delete note: ${body}` })
    .click();
  await expect(notesOf(page)).toHaveCount(0);
  await expect(page.getByText("No notes yet.")).toBeVisible();
}

/** The strategy's notes API, asked with the page's own cookies, lists exactly these notes. */
async function expectNotesApiLists(page: Page, via: StrategyId, bodies: string[]): Promise<void> {
  const listed = await page.request.get(`${STRATEGIES[via].api}/notes`);
  expect(await listed.json()).toEqual({
    notes: bodies.map((body) => expect.objectContaining({ body, createdVia: via })),
  });
}

/**
 * A note saved and deleted through the page, with the strategy's API (the browser's cookies, the
 * contract itself is notes-api.spec.ts's) listing it in between and nothing afterwards.
 */
export async function addAndDeleteNoteThroughPage(
  page: Page,
  body: string,
  via: StrategyId,
): Promise<void> {
  await addNoteThroughPage(page, body, via);
  await expectNotesApiLists(page, via, [body]);
  await deleteOnlyNoteThroughPage(page, body);
  await expectNotesApiLists(page, via, []);
}
