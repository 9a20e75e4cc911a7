import type { Page } from "@playwright/test";
import { expect, newPerson, type Person, test } from "./fixtures";

// The registration form, as a person uses it. (Every other spec registers its people through
// POST /api/register, which runs the same rules.)

/** Fills in a blank registration form and sends it. */
async function submitRegistration(page: Page, fields: Person): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Name").fill(fields.name);
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Password").fill(fields.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function registerThroughForm(page: Page, person: Person): Promise<void> {
  await submitRegistration(page, person);
  await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
}

test.describe("registration", () => {
  test("creates an account and offers both local sign-ins", async ({ page }) => {
    const person = newPerson();
    await registerThroughForm(page, person);
    await expect(page.getByRole("link", { name: "Sign in with a server session" })).toBeVisible();
  });

  test("shows a message for every empty field and creates nothing", async ({ page }) => {
    await page.goto("/register");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter a password.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  });

  test("refuses a malformed email, a short password and a common one, keeping what was typed", async ({
    page,
  }) => {
    const person = newPerson();
    await submitRegistration(page, {
      name: person.name,
      email: "not-an-address",
      password: "short",
    });
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue(person.name);
    await expect(page.getByLabel("Password")).toHaveValue(""); // never echoed back

    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill("Password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This password is too common")).toBeVisible();

    // Nothing was half-written: the same address still registers.
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
  });

  test("refuses the same address in another case or Unicode form", async ({ page, request }) => {
    const id = crypto.randomUUID().slice(0, 8);
    const composed = `zoë-${id}@e2e.authlab.test`;
    await registerThroughForm(page, {
      name: "Zoë",
      email: composed,
      password: `first passphrase ${id}`,
    });

    // The form says so for another spelling…
    await submitRegistration(page, {
      name: "Impostor",
      email: `ZOË-${id}@e2e.authlab.test`,
      password: `second passphrase ${id}`,
    });
    await expect(page.getByText("An account with this email already exists")).toBeVisible();

    // …and the same rules answer the API: every other spelling of the address is taken.
    for (const spelling of [`  ZOË-${id}@E2E.authlab.test `, `zoe\u0308-${id}@e2e.authlab.test`]) {
      const response = await request.post("/api/register", {
        data: { name: "Impostor", email: spelling, password: `second passphrase ${id}` },
      });
      expect(response.status(), spelling).toBe(400);
      expect(await response.json(), spelling).toEqual({
        error: { code: "bad_request", message: expect.stringContaining("already exists") },
        fieldErrors: { email: [expect.stringContaining("already exists")] },
      });
    }
  });

  test("accepts a 300-character password and refuses a 1 MB one with a message", async ({
    page,
  }) => {
    const person = newPerson();
    await page.goto("/register");
    await page.getByLabel("Name").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    // The field caps typing at the limit; a script (or a raw request) can send more: lift the cap
    // and set 1 MB the way a script would, made in the page (not typed, not sent over the wire).
    await page.getByLabel("Password").evaluate((input: HTMLInputElement) => {
      input.removeAttribute("maxlength");
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setValue?.call(input, "x".repeat(1024 * 1024));
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at most 512 characters.")).toBeVisible();

    const password300 = `${"long passphrase ".repeat(18)}${"!".repeat(300 - 16 * 18)}`;
    expect([...password300]).toHaveLength(300);
    await page.getByLabel("Password").fill(password300);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
  });

  test("accepts any Unicode in a password", async ({ page }) => {
    const person = { ...newPerson(), password: "пароль 密码 🔑 contraseña" };
    await registerThroughForm(page, person);
  });
});
