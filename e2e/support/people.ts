import { randomBytes, randomUUID } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";

// People made for one test only, through the app's own registration API (the registration form
// has its own spec). Random names, addresses and client addresses: specs run in any order and in
// parallel without sharing a throttle counter, a note or a provider identity.

export type Person = { name: string; email: string; password: string };
/** Who someone is at the identity provider: no password here, the provider vouches. */
export type Identity = Pick<Person, "name" | "email">;

export function newPerson(): Person {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Tester ${id}`,
    email: `tester-${id}@e2e.authlab.test`,
    password: `lab passphrase ${randomUUID()}`,
  };
}

/** A provider identity nobody else uses: the identity provider remembers everyone for the whole run. */
export function newIdentity(): Identity {
  const id = randomUUID().slice(0, 8);
  return { name: `OAuth ${id}`, email: `oauth-${id}@e2e.authlab.test` };
}

/** A random address from 198.18.0.0/15 (benchmarking range), sent as X-Forwarded-For. */
export function randomIp(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `198.${18 + (a % 2)}.${b}.${c}`;
}

/** Registers `person` with POST /api/register, from an address of its own. */
export async function registerPerson(
  request: APIRequestContext,
  person: Person,
  baseURL = "",
): Promise<string> {
  const response = await request.post(`${baseURL}/api/register`, {
    data: person,
    headers: { "x-forwarded-for": randomIp() },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { user: { id: string } }).user.id;
}
