import { describe, expect, it } from "vitest";
import { pendingStep } from "./pending-step";

// One reading of the confirmation page's fields, for the words it shows and the step it takes.

describe("what the confirmation page carries on with", () => {
  it("is an action with the field it needs", () => {
    expect(pendingStep("unlink", { provider: "github" })).toEqual({
      action: "unlink",
      provider: "github",
    });
    expect(pendingStep("link", { provider: "google" })).toEqual({
      action: "link",
      provider: "google",
    });
    expect(pendingStep("remove-passkey", { passkey: "pk_1" })).toEqual({
      action: "remove-passkey",
      passkey: "pk_1",
    });
    expect(pendingStep("sign-out-everywhere", { via: "account" })).toEqual({
      action: "sign-out-everywhere",
      via: "account",
    });
  });

  it("is nothing for an unknown value, a missing field or a field of another action", () => {
    expect(pendingStep("unlink", { provider: "facebook" })).toBeNull();
    expect(pendingStep("unlink", {})).toBeNull();
    expect(pendingStep("unlink", { passkey: "pk_1", via: "account" })).toBeNull();
    expect(pendingStep("remove-passkey", { provider: "github" })).toBeNull();
    expect(pendingStep("sign-out-everywhere", { via: "everyone" })).toBeNull();
    expect(pendingStep("end-credential", { provider: "github" })).toBeNull();
    expect(pendingStep("change-password", {})).toBeNull();
  });
});
