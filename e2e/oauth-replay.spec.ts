import { FLOW_CHANGES, type FlowChange } from "../lib/lab/experiments/flow-changes";
import { expect, test } from "./fixtures";

// The OAuth step log's "change one thing and run it again": each change is refused by whoever
// owns the check, and the result says who and why.

test("from the step log, a code redeemed twice is refused, and the result shows the three requests", async ({
  oauthUser: { page },
}) => {
  await page.goto("/oauth/account");
  const replay = page.getByTestId("flow-replay");
  await replay.getByRole("radio", { name: FLOW_CHANGES["reuse-code"] }).check();
  await replay.getByRole("button", { name: "Run the flow with this change" }).click();
  const result = replay.getByTestId("result");
  await expect(result).toHaveAttribute("data-outcome", "refused");
  await expect(replay.getByTestId("verdict-reason")).toContainText("invalid_grant");
  await expect(replay.getByTestId("probe")).toHaveCount(3);
  for (const probe of await replay.getByTestId("probe").all())
    await expect(probe).toHaveAttribute("data-as-expected", "true");
});

test("the other changes are refused where their check lives: provider, provider, app", async ({
  request,
  baseURL,
}) => {
  const expected: [FlowChange, string][] = [
    ["drop-pkce", "invalid_request"],
    ["redirect-uri", "redirect_uri"],
    ["wrong-state", "state"],
  ];
  for (const [change, words] of expected) {
    const answer = await request.post(`/api/lab/flow-replay/${change}`, {
      headers: { origin: baseURL! },
    });
    expect(answer.status(), change).toBe(200);
    const { verdict, probes } = (await answer.json()) as {
      verdict: { outcome: string; reason: string };
      probes: { asExpected: boolean }[];
    };
    expect(verdict.outcome, change).toBe("refused");
    expect(verdict.reason, change).toContain(words);
    expect(
      probes.every((probe) => probe.asExpected),
      change,
    ).toBe(true);
  }
  const unknown = await request.post("/api/lab/flow-replay/no-such-change", {
    headers: { origin: baseURL! },
  });
  expect(unknown.status()).toBe(404);
  const crossSite = await request.post("/api/lab/flow-replay/drop-pkce", {
    headers: { origin: "https://attacker.example" },
  });
  expect(crossSite.status()).toBe(403);
});
