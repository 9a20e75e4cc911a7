import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { randomIp } from "./people";

// Another browser of the same person: its own cookie jar and its own client address.

export type OtherBrowser = { context: BrowserContext; page: Page; ip: string };
/** The `newBrowser` fixture: another browser on the test's server, closed when the test ends. */
export type NewBrowser = () => Promise<OtherBrowser>;

export async function otherBrowser(browser: Browser, baseURL?: string): Promise<OtherBrowser> {
  const ip = randomIp();
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": ip },
  });
  return { context, page: await context.newPage(), ip };
}

/** The value of a cookie in this page's (or context's) jar, or undefined. */
export async function cookieValue(
  target: Page | BrowserContext,
  name: string,
): Promise<string | undefined> {
  const context = "context" in target ? target.context() : target;
  return (await context.cookies()).find((cookie) => cookie.name === name)?.value;
}

/** Every URL the page's main frame loads (a router.refresh() loads none). */
export function recordNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

/** Presses a destructive button, then its "Yes, …" confirmation (app/_components/confirm-action.tsx). */
export async function confirmAction(
  page: Page,
  label: string,
  confirmLabel: string,
): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
  const yes = page.getByRole("button", { name: confirmLabel });
  await expect(yes).toBeFocused();
  await yes.click();
}
