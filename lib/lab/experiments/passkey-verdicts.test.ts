import { describe, expect, it } from "vitest";
import {
  cloneVerdict,
  counterVerdict,
  leakVerdict,
  otherSiteVerdict,
  refusedAttackVerdict,
  replayVerdict,
  userVerificationSkippedVerdict,
} from "./passkey-verdicts";

// Each passkey verdict read from the statuses alone: the honest sign-in decides whether a refusal
// means anything, and the outcome follows what came back, never the lesson.

const ok = { status: 200 };
const refused = { status: 401, code: "unauthorized" };
const gone = { status: 400, code: "bad_request" };
const words = { refused: "refused because", worked: "it went through" };

describe("refusedAttackVerdict", () => {
  it("is refused only when every attack was, after an honest sign-in", () => {
    const verdict = refusedAttackVerdict(ok, [{ what: "another origin", attempt: refused }], words);
    expect(verdict.outcome).toBe("refused");
    expect(verdict.reason).toContain("another origin: 401 unauthorized");
  });

  it("is worked when one attack was accepted", () => {
    const verdict = refusedAttackVerdict(
      ok,
      [
        { what: "another origin", attempt: refused },
        { what: "another RP ID", attempt: ok },
      ],
      words,
    );
    expect(verdict.outcome).toBe("worked");
    expect(verdict.reason).toContain("another RP ID was answered 200");
  });

  it("proves nothing when the honest sign-in failed", () => {
    expect(refusedAttackVerdict(refused, [{ what: "x", attempt: refused }], words).outcome).toBe(
      "nothing-to-try",
    );
  });
});

describe("cloneVerdict", () => {
  const controls = { deviceBound: ok, synced: ok };

  it("says partly: the lower counter refused, the counter-0 clone accepted", () => {
    const verdict = cloneVerdict(controls, { lowerCounter: refused, zeroCounter: ok });
    expect(verdict.outcome).toBe("partly");
    expect(verdict.reason).toContain("synced passkey");
  });

  it("says worked when the lower counter got through, refused when both were refused", () => {
    expect(cloneVerdict(controls, { lowerCounter: ok, zeroCounter: ok }).outcome).toBe("worked");
    expect(cloneVerdict(controls, { lowerCounter: refused, zeroCounter: refused }).outcome).toBe(
      "refused",
    );
  });
});

describe("replayVerdict", () => {
  const weak = [{ design: "signed cookie", first: true, replay: true, how: "no record" }];
  const strong = [{ design: "signed cookie", first: true, replay: false, how: "refused" }];

  it("is refused when the replay was refused and one of the racing copies won", () => {
    const verdict = replayVerdict(ok, gone, [ok, gone], weak);
    expect(verdict.outcome).toBe("refused");
    expect(verdict.reason).toContain("1 was accepted");
    expect(verdict.reason).toContain("signed cookie (no record)");
  });

  it("is worked when the replay or both racing copies got through", () => {
    expect(replayVerdict(ok, ok, [ok, gone], strong).outcome).toBe("worked");
    expect(replayVerdict(ok, gone, [ok, ok], strong).outcome).toBe("worked");
  });

  it("says so when no model accepted the answer twice", () => {
    expect(replayVerdict(ok, gone, [ok, gone], strong).reason).toContain("None of the models");
  });

  it("names no race and no model when the run (in the visitor's browser) had neither", () => {
    const verdict = replayVerdict(ok, gone, [], []);
    expect(verdict.outcome).toBe("refused");
    expect(verdict.reason).not.toMatch(/at once|models/);
  });
});

describe("the verdicts of a run in the visitor's browser", () => {
  it("other site: refused when the browser made no assertion, worked when it made one", () => {
    const refusedByBrowser = otherSiteVerdict("attacker.example", {
      assertion: false,
      error: "SecurityError",
    });
    expect(refusedByBrowser.outcome).toBe("refused");
    expect(refusedByBrowser.reason).toContain("SecurityError");
    expect(otherSiteVerdict("attacker.example", { assertion: true, error: null }).outcome).toBe(
      "worked",
    );
  });

  it("user verification skipped: refused only when UV=0 was refused; nothing to try when UV=1", () => {
    expect(userVerificationSkippedVerdict(ok, refused, false).outcome).toBe("refused");
    expect(userVerificationSkippedVerdict(ok, ok, false).outcome).toBe("worked");
    expect(userVerificationSkippedVerdict(ok, ok, true).outcome).toBe("nothing-to-try");
    expect(userVerificationSkippedVerdict(refused, refused, false).outcome).toBe("nothing-to-try");
  });

  it("counter: what a copy would meet, from the counter the passkey reported", () => {
    expect(counterVerdict(ok, { counter: 0, synced: true }).reason).toContain("can't tell a copy");
    expect(counterVerdict(ok, { counter: 7, synced: false }).headline).toContain("7");
    expect(counterVerdict(refused, { counter: 7, synced: false }).outcome).toBe("nothing-to-try");
  });
});

describe("leakVerdict", () => {
  it("is shown when the leaked id is refused and the offline guess matches", () => {
    expect(leakVerdict(refused, true, 40).outcome).toBe("shown");
  });

  it("is a finding when the leaked id signed someone in, or the guess failed", () => {
    const accepted = leakVerdict(ok, true, 40);
    expect(accepted.outcome).toBe("worked");
    expect(accepted.reason).toContain("answered 200");
    expect(leakVerdict(refused, false, 40).reason).toContain("did not match");
  });
});
