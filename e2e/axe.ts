import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export type AxeScope = {
  /** Only this part of the page (a CSS selector): what changed since the last scan. */
  include?: string;
  /** Only these rules, e.g. ["color-contrast"] when only the colour scheme changed. */
  rules?: string[];
};

/**
 * axe's serious and critical findings on the page as it is now, one line each with the first
 * few offending nodes. Waits for running transitions first, so colours are measured where they
 * end up (a colour-scheme switch fades buttons to their new colours). Only visible ones: inside
 * a closed <details> the browser pauses them, and they would never finish.
 */
export async function seriousViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => {
          const target = (a.effect as KeyframeEffect | null)?.target;
          return target instanceof Element && target.checkVisibility();
        })
        .map((a) => a.finished),
    ),
  );
  let builder = new AxeBuilder({ page });
  if (scope.include) builder = builder.include(scope.include);
  if (scope.rules) builder = builder.withRules(scope.rules);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.map((node) => node.target.join(" ")).slice(0, 5);
      return `${violation.id}: ${violation.help} (${violation.nodes.length} nodes: ${nodes.join(", ")})`;
    });
}

/** The colours only: what a switch to dark mode changes. */
export const CONTRAST_ONLY: AxeScope = { rules: ["color-contrast"] };
