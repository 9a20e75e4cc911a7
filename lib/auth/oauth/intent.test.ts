import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { endEveryCredential } from "../account/revoke-all";
import { consumeIntent, type NewIntent, recordIntent } from "./intent";

// A provider intent is bound to the OAuth round that carries it (its state): only that round's
// callback can use it, once, for that provider, before it expires and before any kill switch.

async function person() {
  const user = await getDb().user.create({
    data: { email: `${randomUUID()}@intent.test`, name: "Intent" },
    select: { id: true, epoch: true },
  });
  const intent: NewIntent = {
    purpose: "link",
    userId: user.id,
    epoch: user.epoch,
    proof: "password",
    fromCredential: "session",
    returnTo: "/oauth/link",
  };
  return { user, intent };
}

const state = () => randomBytes(24).toString("base64url");

describe("provider intents", () => {
  it("answer only the round whose state made them, once", async () => {
    const { intent } = await person();
    const mine = state();
    await recordIntent(mine, "github", intent);
    // Another round in the same browser (an abandoned link, a different account) sees nothing.
    expect(await consumeIntent(state(), "github")).toBeNull();
    expect(await consumeIntent(null, "github")).toBeNull();
    expect(await consumeIntent(mine, "github")).toMatchObject({
      purpose: "link",
      userId: intent.userId,
      provider: "github",
    });
    // Used up.
    expect(await consumeIntent(mine, "github")).toBeNull();
  });

  it("are used up even when the callback is for another provider", async () => {
    const { intent } = await person();
    const mine = state();
    await recordIntent(mine, "google", intent);
    expect(await consumeIntent(mine, "github")).toBeNull();
    expect(await consumeIntent(mine, "google")).toBeNull();
  });

  it("are void once the person's epoch moves (a kill switch since)", async () => {
    const { user, intent } = await person();
    const mine = state();
    await recordIntent(mine, "github", intent);
    // The kill switch deletes intents; one made under the old epoch after it is refused too.
    await endEveryCredential(user.id, { reason: "signed_out_everywhere" });
    expect(await consumeIntent(mine, "github")).toBeNull();
    const late = state();
    await recordIntent(late, "github", intent);
    expect(await consumeIntent(late, "github")).toBeNull();
  });

  it("expire", async () => {
    const { intent } = await person();
    const mine = state();
    await recordIntent(mine, "github", intent);
    await getDb().providerIntent.updateMany({
      where: { userId: intent.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await consumeIntent(mine, "github")).toBeNull();
  });

  it("let exactly one of two racing callbacks with the same state through", async () => {
    const { intent } = await person();
    const mine = state();
    await recordIntent(mine, "github", intent);
    const results = await Promise.all([
      consumeIntent(mine, "github"),
      consumeIntent(mine, "github"),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
