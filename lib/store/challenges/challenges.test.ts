import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { beginCeremony, takeCeremony } from "@/lib/auth/passkey/ceremony";
import { getDb } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { databaseChallenges } from "./database";
import { redisChallenges } from "./redis";
import type { ChallengeStore, StoredChallenge } from "./types";

// One contract, two stores: the database and a real redis-server (the unit tests' global setup).
// A challenge is taken once, by one request, whatever happens after; an expired one or one of the
// other ceremony is no challenge at all.

process.env.REDIS_URL = process.env.TEST_REDIS_URL;

const challenge = (overrides: Partial<StoredChallenge> = {}): StoredChallenge => ({
  ceremony: "authentication",
  challenge: randomUUID(),
  userId: null,
  newPerson: null,
  expiresAt: new Date(Date.now() + 60_000),
  ...overrides,
});

describe.each<[string, ChallengeStore]>([
  ["database", databaseChallenges],
  ["redis", redisChallenges],
])("the %s challenge store", (_kind, store) => {
  it("gives a challenge back once, with what it is bound to, then never again", async () => {
    const id = randomUUID();
    const saved = challenge({
      ceremony: "registration",
      userId: randomUUID(),
      newPerson: { email: "new@passkeys.test", name: "New Person" },
    });
    await store.save(id, saved);
    await expect(store.take(id)).resolves.toEqual(saved);
    await expect(store.take(id)).resolves.toBeNull();
    await expect(store.take(randomUUID())).resolves.toBeNull();
  });

  it("refuses an expired challenge, and uses it up all the same", async () => {
    const id = randomUUID();
    // Already past its end: Redis drops it itself; the database keeps it until purged, and the
    // take must refuse it on its own.
    await store.save(id, challenge({ expiresAt: new Date(Date.now() - 1) }));
    await expect(store.take(id)).resolves.toBeNull();
    if (store.kind === "database")
      expect(await getDb().passkeyChallenge.count({ where: { id } })).toBe(0);
  });

  it("lets exactly one of many concurrent takes have it", async () => {
    const id = randomUUID();
    await store.save(id, challenge());
    const takes = await Promise.all(Array.from({ length: 8 }, () => store.take(id)));
    expect(takes.filter((taken) => taken !== null)).toHaveLength(1);
  });

  it("binds a ceremony id to its ceremony: the other kind finds nothing, and uses it up", async () => {
    const ceremonyId = await beginCeremony(
      { ceremony: "registration", challenge: "abc", userId: randomUUID(), newPerson: null },
      store,
    );
    await expect(takeCeremony(ceremonyId, "authentication", store)).resolves.toBeNull();
    await expect(takeCeremony(ceremonyId, "registration", store)).resolves.toBeNull();

    const signIn = await beginCeremony(
      { ceremony: "authentication", challenge: "xyz", userId: null, newPerson: null },
      store,
    );
    // Only the ceremony id's hash is a key: the id itself names nothing in the store.
    await expect(store.take(signIn)).resolves.toBeNull();
    await expect(takeCeremony(signIn, "authentication", store)).resolves.toMatchObject({
      challenge: "xyz",
    });
    await expect(store.take(hashToken(signIn))).resolves.toBeNull();
  });
});
