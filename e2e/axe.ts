import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe's serious and critical findings on the page as it is now, one line each with the first
 * few offending nodes. Waits for running transitions first, so colours are measured where they
 * end up (a colour-scheme switch fades buttons to their new colours).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.map((node) => node.target.join(" ")).slice(0, 5);
      return `${violation.id}: ${violation.help} (${violation.nodes.length} nodes: ${nodes.join(", ")})`;
    });
}
