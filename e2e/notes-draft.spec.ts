import { expect, STRATEGIES, test } from "./fixtures";

// A note typed while the sign-in ended is never lost: the refused save keeps it in the field, says
// why with a link to sign in again, and the draft is waiting after the round trip.

test("a note typed after the session ended survives the refused save and the trip to sign in", async ({
  sessionUser: { page, person },
}) => {
  await page.goto(STRATEGIES.session.notesPath);
  const field = page.getByLabel("New note");
  const note = `Written while signed out ${Date.now()}`;
  await field.fill(note);

  // The session ends behind the page's back (another tab signs out).
  expect((await page.request.post("/api/session/logout")).status()).toBe(204);
  await page.getByRole("button", { name: "Save note" }).click();

  await expect(page.getByText("You are signed out under this strategy.")).toBeVisible();
  await expect(field).toHaveValue(note);
  await expect(page.getByText("You are signed out under this strategy.")).toBeFocused();
  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/session\/login\?next=/);

  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/notes\?via=session$/);
  await expect(page.getByLabel("New note")).toHaveValue(note);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note").filter({ hasText: note })).toHaveCount(1);
  await expect(page.getByLabel("New note")).toHaveValue("");
  // Saved, the draft is gone.
  await page.reload();
  await expect(page.getByLabel("New note")).toHaveValue("");
});
