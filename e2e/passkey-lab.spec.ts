import { PASSKEY_EXPERIMENTS } from "../lib/lab/experiments";
import { expect, test } from "./fixtures";
import { MAIN_URL } from "./support/servers";

// The passkey experiments, each run by the server against its software authenticator (throwaway
// people, the app's real routes): the outcome each must reach, and every request answered as the
// lesson predicts. Then the lab's Passkeys part, as a visitor sees it.

/** What each must conclude: the clone's counter-0 copy is accepted, so it is only partly refused. */
const OUTCOME: Record<(typeof PASSKEY_EXPERIMENTS)[number], string> = {
  "passkey-phishing": "refused",
  "passkey-forged": "refused",
  "passkey-uv": "refused",
  "passkey-clone": "partly",
  "passkey-replay": "refused",
  "passkey-leak": "shown",
};

type Result = {
  verdict: { outcome: string; reason: string };
  probes: { label: string; status: number; asExpected: boolean }[];
  facts?: { name: string; value: string }[];
};

test("each passkey experiment reaches its verdict from the answers it got", async ({ request }) => {
  for (const name of PASSKEY_EXPERIMENTS) {
    const answer = await request.post(`/api/interview/prove/${name}`, {
      headers: { origin: MAIN_URL },
    });
    expect(answer.status(), name).toBe(200);
    const result = (await answer.json()) as Result;
    expect(result.verdict.outcome, `${name}: ${result.verdict.reason}`).toBe(OUTCOME[name]);
    // Registration through the real routes, then at least one sign-in attempt.
    expect(result.probes.length, name).toBeGreaterThanOrEqual(4);
    for (const probe of result.probes)
      expect(probe.asExpected, `${name}: ${probe.label} (${probe.status})`).toBe(true);
  }
});

test("the lab's passkey row and Passkeys part, for a visitor with no passkey", async ({ page }) => {
  await page.goto("/lab");
  const row = page.getByTestId("lab-column-passkey");
  await expect(row.getByRole("link", { name: "add a passkey" })).toHaveAttribute(
    "href",
    "/passkey/manage",
  );
  await expect(row.getByTestId("flow-passkey-diagram")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Passkeys", exact: true }).first()).toBeAttached();
  const card = page.getByTestId("experiment-passkey-clone");
  await card.getByRole("button", { name: "Sign in with the clones" }).click();
  const result = card.getByTestId("result");
  await expect(result).toHaveAttribute("data-outcome", "partly");
  await expect(card.getByTestId("verdict-reason")).toContainText("synced passkey");
  // The same attacks with a passkey of one's own wait for one, and a session it signed into.
  await expect(card.getByTestId("your-passkey").getByTestId("experiment-needs")).toContainText(
    "sign in, with a passkey of yours",
  );
});
