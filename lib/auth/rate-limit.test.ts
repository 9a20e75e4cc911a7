import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import {
  createBudget,
  createLoginThrottle,
  DEFAULT_RATES,
  OverBudgetError,
  proofKey,
  addressBucket,
  spendOrThrow,
  type ThrottleRates,
  type ThrottleVerdict,
  waitText,
} from "./rate-limit";

// The login throttle and the budgets on real buckets in the test database (lib/store/buckets.ts,
// tested on its own against both stores). Every test gets its own key prefix, accounts and
// addresses, so tests never share a bucket.

/** A random address in the IPv6 documentation range (2001:db8::/32). */
function randomIp(): string {
  const groups = randomBytes(12).toString("hex").match(/.{4}/g) ?? [];
  return ["2001", "db8", ...groups].join(":");
}

const randomEmail = () => `${randomUUID()}@test.authlab`;

function throttleWith(overrides: Partial<ThrottleRates> = {}) {
  const rates: ThrottleRates = {
    accountIp: { limit: 3, periodSeconds: 60 },
    account: { limit: 5, periodSeconds: 60 },
    ip: { limit: 8, periodSeconds: 60 },
    device: { limit: 4, periodSeconds: 60 },
    proof: { limit: 3, periodSeconds: 60 },
    ...overrides,
  };
  return createLoginThrottle(rates, `test-${randomUUID()}`);
}

const ALLOWED = { blocked: false } as const;

/** The wait of a blocked verdict (fails the test on an allowed one). */
function waitOf(verdict: ThrottleVerdict): number {
  if (!verdict.blocked) throw new Error("expected a block");
  return verdict.retryAfterSeconds;
}

describe("createLoginThrottle", () => {
  it("lets an account be tried from one address up to its limit, then says when the next try fits", async () => {
    const throttle = throttleWith(); // 3 per account+address per minute: one every 20 s after
    const keys = { email: randomEmail(), ip: randomIp() };

    for (let i = 0; i < 3; i++) await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
    const verdict = await throttle.attempt(keys);
    expect(verdict).toEqual({
      blocked: true,
      scope: "accountIp",
      retryAfterSeconds: expect.any(Number),
    });
    // One interval (60 s / 3), not the whole minute.
    expect(waitOf(verdict)).toBeGreaterThanOrEqual(19);
    expect(waitOf(verdict)).toBeLessThanOrEqual(20);
  });

  it("lets through exactly the limit when many guesses arrive at once", async () => {
    const throttle = throttleWith();
    const keys = { email: randomEmail(), ip: randomIp() };
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => throttle.attempt(keys)));
    expect(verdicts.filter((verdict) => !verdict.blocked)).toHaveLength(3);
    expect(verdicts.filter((verdict) => verdict.blocked)).toHaveLength(27);
    for (const verdict of verdicts.filter((candidate) => candidate.blocked))
      expect(verdict).toMatchObject({ scope: "accountIp" });
  });

  it("counts nothing for a blocked attempt: an attacker who keeps going neither pushes the wait out nor fills the wider buckets", async () => {
    const throttle = throttleWith(); // 3 per account+address, 5 per account, 8 per address
    const keys = { email: randomEmail(), ip: randomIp() };
    for (let i = 0; i < 3; i++) await throttle.attempt(keys);
    const first = waitOf(await throttle.attempt(keys));
    for (let i = 0; i < 10; i++) {
      const verdict = await throttle.attempt(keys);
      expect(verdict).toMatchObject({ blocked: true, scope: "accountIp" });
      expect(waitOf(verdict)).toBeLessThanOrEqual(first);
    }

    // The account's bucket holds the three real attempts only: two more fit, from elsewhere.
    for (let i = 0; i < 2; i++)
      await expect(throttle.attempt({ email: keys.email, ip: randomIp() })).resolves.toEqual(
        ALLOWED,
      );
    await expect(throttle.attempt({ email: keys.email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
    // And the address's bucket too: five more accounts fit from it, not none.
    for (let i = 0; i < 5; i++)
      await expect(throttle.attempt({ email: randomEmail(), ip: keys.ip })).resolves.toEqual(
        ALLOWED,
      );
    await expect(throttle.attempt({ email: randomEmail(), ip: keys.ip })).resolves.toMatchObject({
      blocked: true,
      scope: "ip",
    });
  });

  it("clears the account+address run on a success", async () => {
    const throttle = throttleWith({ account: { limit: 20, periodSeconds: 60 } });
    const keys = { email: randomEmail(), ip: randomIp() };

    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // succeeded
    await throttle.recordSuccess(keys);
    // A fresh run of three from this place, as if the failures before had never been.
    for (let i = 0; i < 3; i++) await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt(keys)).resolves.toMatchObject({
      blocked: true,
      scope: "accountIp",
    });
  });

  it("gives back only its own share of the account's bucket on a success: the failures stay counted", async () => {
    const throttle = throttleWith({ account: { limit: 4, periodSeconds: 60 } });
    const email = randomEmail();
    const keys = { email, ip: randomIp() };

    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // succeeded: its share is given back
    await throttle.recordSuccess(keys);
    await throttle.attempt(keys); // failed
    await throttle.attempt(keys); // failed

    // Four failures against the account: at its limit, from anywhere.
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
  });

  it("never lets successes use up the account's or the address's bucket", async () => {
    const throttle = throttleWith({
      account: { limit: 2, periodSeconds: 60 },
      ip: { limit: 2, periodSeconds: 60 },
    });
    const email = randomEmail();
    for (let i = 0; i < 5; i++) {
      const keys = { email, ip: randomIp() };
      await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
      await throttle.recordSuccess(keys);
    }
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      const keys = { email: randomEmail(), ip };
      await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
      await throttle.recordSuccess(keys);
    }
  });

  it("does not block the account from another address until the account-wide limit", async () => {
    const throttle = throttleWith(); // 3 per account+address, 5 per account
    const email = randomEmail();
    const first = { email, ip: randomIp() };
    const second = { email, ip: randomIp() };

    for (let i = 0; i < 3; i++) await throttle.attempt(first);
    await expect(throttle.attempt(first)).resolves.toMatchObject({
      blocked: true,
      scope: "accountIp",
    });
    await expect(throttle.attempt(second)).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt(second)).resolves.toEqual(ALLOWED); // the account's fifth

    await expect(throttle.attempt(second)).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
    // Other accounts are untouched, from the same address.
    await expect(throttle.attempt({ email: randomEmail(), ip: second.ip })).resolves.toEqual(
      ALLOWED,
    );
  });

  it("blocks every account from an address that reached the address limit (credential stuffing)", async () => {
    const throttle = throttleWith({ ip: { limit: 4, periodSeconds: 60 } });
    const ip = randomIp();

    for (let i = 0; i < 4; i++)
      await expect(throttle.attempt({ email: randomEmail(), ip })).resolves.toEqual(ALLOWED);

    const fresh = randomEmail();
    await expect(throttle.attempt({ email: fresh, ip })).resolves.toMatchObject({
      blocked: true,
      scope: "ip",
    });
    await expect(throttle.attempt({ email: fresh, ip: randomIp() })).resolves.toEqual(ALLOWED);
  });

  it("counts a request without a usable address in the shared unknown bucket, never in none", async () => {
    const throttle = throttleWith({ ip: { limit: 3, periodSeconds: 60 } });
    for (let i = 0; i < 3; i++)
      await expect(throttle.attempt({ email: randomEmail(), ip: null })).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt({ email: randomEmail(), ip: null })).resolves.toMatchObject({
      blocked: true,
      scope: "ip",
    });
  });

  it("reports the longest wait when several buckets are spent", async () => {
    const throttle = throttleWith({
      accountIp: { limit: 1, periodSeconds: 60 },
      account: { limit: 1, periodSeconds: 120 },
      ip: { limit: 1, periodSeconds: 600 },
    });
    const keys = { email: randomEmail(), ip: randomIp() };
    await throttle.attempt(keys);

    const verdict = await throttle.attempt(keys);
    expect(verdict).toMatchObject({ blocked: true, scope: "ip" });
    expect(waitOf(verdict)).toBeGreaterThan(590);
    expect(waitOf(verdict)).toBeLessThanOrEqual(600);
  });
});

describe("the account's bucket refills steadily: nobody locks the owner out for long", () => {
  it("lets one attempt through per interval once spent, instead of shutting for the whole period", async () => {
    const throttle = throttleWith({ account: { limit: 2, periodSeconds: 1 } });
    const email = randomEmail();
    await throttle.attempt({ email, ip: randomIp() });
    await throttle.attempt({ email, ip: randomIp() });
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toEqual({
      blocked: true,
      scope: "account",
      retryAfterSeconds: 1,
    });

    // One interval (1 s / 2) later, one attempt fits again, and only one.
    await sleep(550);
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
  });

  it("with the default rates, a flooded account still takes one attempt every two minutes", async () => {
    const throttle = createLoginThrottle(DEFAULT_RATES, `test-${randomUUID()}`);
    const email = randomEmail();
    // From as many addresses as it takes: every account+address and address bucket stays fresh.
    for (let i = 0; i < DEFAULT_RATES.account.limit; i++)
      await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toEqual(ALLOWED);
    const verdict = await throttle.attempt({ email, ip: randomIp() });
    expect(verdict).toMatchObject({ blocked: true, scope: "account" });
    expect(waitOf(verdict)).toBeGreaterThanOrEqual(119);
    expect(waitOf(verdict)).toBeLessThanOrEqual(120);
  });
});

describe("a trusted device is counted on its own", () => {
  it("signs in while the account is blocked everywhere else, even from the attacker's address", async () => {
    const throttle = throttleWith({ account: { limit: 3, periodSeconds: 60 } });
    const email = randomEmail();
    const attacker = randomIp();
    await throttle.attempt({ email, ip: attacker });
    for (let i = 0; i < 2; i++) await throttle.attempt({ email, ip: randomIp() });
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });

    const owner = { email, ip: attacker, device: randomUUID() };
    await expect(throttle.attempt(owner)).resolves.toEqual(ALLOWED);
    await throttle.recordSuccess(owner);
    // The account is still blocked for everyone else.
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      blocked: true,
      scope: "account",
    });
  });

  it("takes nothing from the account's or the address's buckets", async () => {
    const throttle = throttleWith(); // 4 per device; 3 per account+address
    const email = randomEmail();
    const ip = randomIp();
    for (let i = 0; i < 4; i++)
      await expect(throttle.attempt({ email, ip, device: randomUUID() })).resolves.toEqual(ALLOWED);
    // From the same address, without a device: the full run of three.
    for (let i = 0; i < 3; i++)
      await expect(throttle.attempt({ email, ip })).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt({ email, ip })).resolves.toMatchObject({ scope: "accountIp" });
  });

  it("has its own small allowance for mistyped passwords, cleared by a success", async () => {
    const throttle = throttleWith(); // 4 per device per minute
    const keys = { email: randomEmail(), ip: randomIp(), device: randomUUID() };
    for (let i = 0; i < 4; i++) await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
    const verdict = await throttle.attempt(keys);
    expect(verdict).toMatchObject({ blocked: true, scope: "device" });
    expect(waitOf(verdict)).toBeLessThanOrEqual(15);
    // Another device of the same account is unaffected.
    await expect(throttle.attempt({ ...keys, device: randomUUID() })).resolves.toEqual(ALLOWED);

    await throttle.recordSuccess(keys);
    for (let i = 0; i < 4; i++) await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
  });
});

describe("a re-proof is counted on the proof it confirms", () => {
  it("names a proof by its person and the moment of it", () => {
    const at = new Date(1_800_000_000_123);
    expect(proofKey("person-1", at)).toBe("person-1@1800000000123");
    expect(proofKey("person-1", new Date(at.getTime() + 1))).not.toBe(proofKey("person-1", at));
    expect(proofKey("person-2", at)).not.toBe(proofKey("person-1", at));
  });

  it("is blocked on its own bucket, which another credential of the person never shares", async () => {
    const throttle = throttleWith(); // 3 per proof per minute
    const person = randomUUID();
    const stolen = { email: person, ip: randomIp(), proof: proofKey(person, new Date()) };
    for (let i = 0; i < 3; i++) await expect(throttle.attempt(stolen)).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt(stolen)).resolves.toMatchObject({
      blocked: true,
      scope: "proof",
    });

    // The owner's own credential, from another sign-in, confirms as usual, from the same place.
    const owner = { ...stolen, proof: proofKey(person, new Date(Date.now() - 60_000)) };
    await expect(throttle.attempt(owner)).resolves.toEqual(ALLOWED);
    await throttle.recordSuccess(owner);
  });

  it("neither counts against the account nor is blocked by a hammered account", async () => {
    const throttle = throttleWith({ account: { limit: 3, periodSeconds: 60 } });
    const email = randomEmail();
    const ip = randomIp();
    const proof = { email, ip, proof: proofKey(email, new Date()) };
    for (let i = 0; i < 3; i++) await throttle.attempt(proof);
    // Three wrong confirmations took nothing from the account or this address.
    for (let i = 0; i < 3; i++)
      await expect(throttle.attempt({ email, ip })).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt({ email, ip: randomIp() })).resolves.toMatchObject({
      scope: "account",
    });

    // With the account spent, another proof of the person still confirms.
    const other = { email, ip, proof: proofKey(email, new Date(Date.now() - 1000)) };
    await expect(throttle.attempt(other)).resolves.toEqual(ALLOWED);
  });

  it("is cleared by a success", async () => {
    const throttle = throttleWith();
    const person = randomUUID();
    const keys = { email: person, ip: randomIp(), proof: proofKey(person, new Date()) };
    await throttle.attempt(keys); // wrong
    await throttle.attempt(keys); // wrong
    await throttle.attempt(keys); // right
    await throttle.recordSuccess(keys);
    for (let i = 0; i < 3; i++) await expect(throttle.attempt(keys)).resolves.toEqual(ALLOWED);
    await expect(throttle.attempt(keys)).resolves.toMatchObject({ scope: "proof" });
  });
});

describe("createBudget", () => {
  const budgetWith = (rates: Parameters<typeof createBudget>[1]) =>
    createBudget(`test-budget-${randomUUID()}`, rates);
  const minute = (limit: number) => ({ limit, periodSeconds: 60 });

  it("is spent per address, and says when the next spend fits", async () => {
    const budget = budgetWith(() => ({ perIp: minute(2), overall: minute(100) }));
    const ip = randomIp();
    await expect(budget.spend({ ip })).resolves.toEqual(ALLOWED);
    await expect(budget.spend({ ip })).resolves.toEqual(ALLOWED);
    const verdict = await budget.spend({ ip });
    expect(verdict).toEqual({ blocked: true, scope: "ip", retryAfterSeconds: expect.any(Number) });
    expect(waitOf(verdict)).toBeGreaterThanOrEqual(29);
    expect(waitOf(verdict)).toBeLessThanOrEqual(30);
    await expect(budget.spend({ ip: randomIp() })).resolves.toEqual(ALLOWED);
  });

  it("is spent per person when someone is signed in, wherever they come from", async () => {
    const budget = budgetWith(() => ({
      perIp: minute(10),
      perPerson: minute(3),
      overall: minute(100),
    }));
    const person = randomUUID();
    for (let i = 0; i < 3; i++)
      await expect(budget.spend({ ip: randomIp(), person })).resolves.toEqual(ALLOWED);
    await expect(budget.spend({ ip: randomIp(), person })).resolves.toMatchObject({
      blocked: true,
      scope: "person",
    });
    // Someone else, and nobody signed in, spend as before.
    await expect(budget.spend({ ip: randomIp(), person: randomUUID() })).resolves.toEqual(ALLOWED);
    await expect(budget.spend({ ip: randomIp() })).resolves.toEqual(ALLOWED);
    await expect(budget.spend({ ip: randomIp(), person: null })).resolves.toEqual(ALLOWED);
  });

  it("has an overall limit for the whole site, and a refused spend spends nothing", async () => {
    const budget = budgetWith(() => ({ perIp: minute(2), overall: minute(5) }));
    const busy = randomIp();
    await budget.spend({ ip: busy });
    await budget.spend({ ip: busy });
    for (let i = 0; i < 5; i++)
      await expect(budget.spend({ ip: busy })).resolves.toMatchObject({ scope: "ip" });
    // Three more fit overall: the five refusals took nothing from it.
    for (let i = 0; i < 3; i++)
      await expect(budget.spend({ ip: randomIp() })).resolves.toEqual(ALLOWED);
    const verdict = await budget.spend({ ip: randomIp() });
    expect(verdict).toMatchObject({ blocked: true, scope: "all" });
    // One every 60 s / 5 = 12 s once the burst is spent.
    expect(waitOf(verdict)).toBeGreaterThanOrEqual(11);
    expect(waitOf(verdict)).toBeLessThanOrEqual(12);
  });

  it("shares one bucket between every request whose address is unknown", async () => {
    const budget = budgetWith(() => ({ perIp: minute(2), overall: minute(100) }));
    await budget.spend({ ip: null });
    await budget.spend({ ip: null });
    await expect(budget.spend({ ip: null })).resolves.toMatchObject({ blocked: true, scope: "ip" });
  });

  it("refuses work past it with an OverBudgetError that says when to come back", async () => {
    const budget = budgetWith(() => ({ perIp: minute(1), overall: minute(100) }));
    const ip = randomIp();
    await expect(spendOrThrow(budget, "experiments", { ip })).resolves.toBeUndefined();
    const error = await spendOrThrow(budget, "experiments", { ip }).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(OverBudgetError);
    expect(error).toMatchObject({ what: "experiments", retryAfterSeconds: 60 });
    expect((error as Error).message).toBe("Too many experiments. Try again in 60 seconds.");
  });
});

describe("waitText", () => {
  it("says seconds under a minute and a half, whole minutes (rounded up) after", () => {
    expect(waitText(40)).toBe("40 seconds");
    expect(waitText(89)).toBe("89 seconds");
    expect(waitText(90)).toBe("2 minutes");
    expect(waitText(120)).toBe("2 minutes");
    expect(waitText(121)).toBe("3 minutes");
  });
});

describe("addressBucket", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("counts %s in %s", (ip, bucket) => {
    expect(addressBucket(ip)).toBe(bucket);
  });

  it("puts a missing address in the shared unknown bucket", () => {
    expect(addressBucket(null)).toBe("unknown");
  });
});
