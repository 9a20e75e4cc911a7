import type { Locator, Page } from "@playwright/test";
import { CONTRAST_ONLY, seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

// The lab's sequence diagrams: three flows times three strategies, each an ordered list of steps
// that reads as sentences, inside native <details> that open from the keyboard. Checked for the
// facts that set the strategies apart, for axe in light and dark, and for a phone's width.

const FLOWS = ["sign-in", "request", "refresh-revoke"] as const;
const STRATEGIES = ["session", "jwt", "oauth"] as const;

/** Opens, with the keyboard, every flow's <details> of the lab on this page; returns their section. */
async function openAllFlows(page: Page): Promise<Locator> {
  const heading = page.locator("#flows-heading");
  await expect(heading).toHaveText("How each one works");
  const section = page.locator("section").filter({ has: heading });
  for (const flow of FLOWS) {
    const details = section.locator(`details#flow-${flow}`);
    if ((await details.getAttribute("open")) === null) {
      await details.locator("summary").focus();
      await page.keyboard.press("Enter");
    }
    await expect(details).toHaveAttribute("open", "");
  }
  return section;
}

function steps(section: Locator, flow: string, strategy: string): Locator {
  return section.getByTestId(`flow-${flow}-${strategy}`).getByRole("list", { name: "Steps" });
}

test.describe("the lab's flow diagrams", () => {
  // Each test loads the lab once: the diagrams are opened the way a reader does, then read.
  test("sign-in is open at first, the other two open from the keyboard; nine diagrams, each a figure with its participants and an ordered list of steps", async ({
    page,
  }) => {
    await page.goto("/lab");
    await expect(page.locator("details#flow-sign-in")).toHaveAttribute("open", "");
    await expect(page.locator("details#flow-request")).not.toHaveAttribute("open");
    await expect(page.getByTestId("flow-request-jwt")).toBeHidden();
    const section = await openAllFlows(page);
    await expect(page.getByTestId("flow-request-jwt")).toBeVisible();

    for (const flow of FLOWS) {
      for (const strategy of STRATEGIES) {
        const diagram = section.getByTestId(`flow-${flow}-${strategy}`);
        await expect(diagram.getByRole("figure")).toHaveCount(1);
        await expect(diagram.locator("figcaption")).not.toBeEmpty();
        const participants = diagram.getByRole("list", { name: "Participants" }).locator("li");
        expect(await participants.count()).toBeGreaterThanOrEqual(3);
        expect(await participants.count()).toBeLessThanOrEqual(4);
        const list = steps(section, flow, strategy);
        await expect(list).toHaveJSProperty("tagName", "OL");
        expect(await list.locator(":scope > li").count()).toBeGreaterThanOrEqual(3);
        // The drawing is decoration: every arrowhead is hidden from assistive technology.
        const arrowheads = list.locator("svg");
        const hidden = list.locator("[aria-hidden] svg, svg[aria-hidden]");
        expect(await hidden.count()).toBe(await arrowheads.count());
      }
    }
  });

  test("the steps read as sentences and state the facts that set the strategies apart", async ({
    page,
  }) => {
    await page.goto("/lab");
    const section = await openAllFlows(page);

    // Who talks to whom is in the text, not only in the arrows.
    await expect(steps(section, "sign-in", "session").locator("li").first()).toHaveText(
      /^Browser to App server: POST email \+ password/,
    );

    const sessionRequest = steps(section, "request", "session");
    await expect(sessionRequest).toContainText("App server to Database: SELECT session JOIN user");
    await expect(sessionRequest).toContainText("AES-256-CBC + HMAC-SHA-256");

    const jwtRequest = steps(section, "request", "jwt");
    await expect(jwtRequest).toContainText(
      /Inside App server: verify the ES256 signature.*no I\/O/,
    );
    await expect(jwtRequest).toContainText(
      /Browser to Other service: an API client sends the same token/,
    );
    await expect(jwtRequest).toContainText(/Inside Other service: .*jwks\.json.*no lookup at all/);

    const oauthRequest = steps(section, "request", "oauth");
    await expect(oauthRequest).toContainText("Inside Google / GitHub: not contacted");

    const oauthSignIn = steps(section, "sign-in", "oauth");
    await expect(oauthSignIn).toContainText("code_verifier");
    await expect(oauthSignIn).toContainText(
      /App server to Google \/ GitHub: POST code \+ code_verifier to the token endpoint.*back channel/,
    );

    const jwtSignIn = steps(section, "sign-in", "jwt");
    await expect(jwtSignIn).toContainText("Path=/api/jwt/refresh");

    const jwtRevoke = steps(section, "refresh-revoke", "jwt");
    await expect(jwtRevoke).toContainText("reuse detected: revoke the whole family");
    await expect(jwtRevoke).toContainText(
      /App server to Attacker: 401 reuse detected.*\(refused\)/,
    );
    await expect(jwtRevoke).toContainText(/Other service to Attacker: 200 until exp/);

    await expect(steps(section, "refresh-revoke", "session")).toContainText(
      /App server to Attacker: 401 at once.*\(refused\)/,
    );
    await expect(steps(section, "refresh-revoke", "oauth")).toContainText(
      "The grant at the provider is untouched",
    );
  });

  test("no serious accessibility violation with every flow open, in light and in dark; on a 360 px phone, no sideways scroll and no step wider than its diagram", async ({
    page,
  }) => {
    // Only the diagrams section changed (the rest of the lab has its own scan): scan just that,
    // then only its colours once the scheme switches.
    await page.goto("/lab");
    const section = await openAllFlows(page);
    const flows = { include: 'section[aria-labelledby="flows-heading"]' };
    expect(await seriousViolations(page, flows)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousViolations(page, { ...flows, ...CONTRAST_ONLY })).toEqual([]);

    // The same open diagrams on a phone: the page lays itself out again for the narrower screen.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    const overflowing = await section
      .locator("figure")
      .evaluateAll((figures) =>
        figures
          .filter((figure) => figure.scrollWidth > figure.clientWidth)
          .map((figure) => figure.querySelector("figcaption")?.textContent),
      );
    expect(overflowing).toEqual([]);
  });
});
