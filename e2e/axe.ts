import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type * as Axe from "axe-core";

export type AxeScope = {
  /** Only this part of the page (a CSS selector): what changed since the last scan. */
  include?: string;
  /** Only these rules, e.g. ["color-contrast"] when only the colour scheme changed. */
  rules?: string[];
  /**
   * Also axe's target-size rule (WCAG 2.2's 24 px, off by default in axe): what Lighthouse's
   * accessibility score counts as tap targets. For phone-sized scans.
   */
  tapTargets?: boolean;
};

// axe-core itself, put into each page once and run there as often as a test asks. (The
// @axe-core/playwright builder injects it again for every scan and finishes each one in a blank
// page of its own: five times the work for pages without frames, like all of this app's.)
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

type Finding = { id: string; impact: string | null; help: string; targets: string[] };

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
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy doesn't apply.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(
    async ({ include, rules, tapTargets }): Promise<Finding[]> => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const { violations } = await axe.run(include ? { include: [include] } : document, {
        resultTypes: ["violations"],
        ...(rules ? { runOnly: { type: "rule", values: rules } } : {}),
        ...(tapTargets ? { rules: { "target-size": { enabled: true } } } : {}),
      });
      return violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
    },
    scope,
  );
  return findings
    .filter((finding) => finding.impact === "serious" || finding.impact === "critical")
    .map(({ id, help, targets }) => {
      const first = targets.slice(0, 5).join(", ");
      return `${id}: ${help} (${targets.length} nodes: ${first})`;
    });
}

/** The colours only: what a switch to dark mode changes. */
export const CONTRAST_ONLY: AxeScope = { rules: ["color-contrast"] };

/** The page's main content, tap targets included (24 px or enough space around them). */
const MAIN: AxeScope = { include: "#main", tapTargets: true };

/**
 * The page as it is now: nothing wider than the screen, no serious axe finding in light mode,
 * and none in its colours in dark mode; then back to light. Soft assertions, named by `label`:
 * a page with findings doesn't keep a test from checking the next one.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const screen = page.viewportSize()?.width;
  const width = await page.evaluate(() =>
    Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  );
  expect.soft({ label, width }).toEqual({ label, width: screen });
  expect.soft({ label, light: await seriousViolations(page, MAIN) }).toEqual({ label, light: [] });
  await page.emulateMedia({ colorScheme: "dark" });
  expect.soft({ label, dark: await seriousViolations(page, CONTRAST_ONLY) }).toEqual({
    label,
    dark: [],
  });
  await page.emulateMedia({ colorScheme: "light" });
}
