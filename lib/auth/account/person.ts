import "server-only";
import { hashPassword } from "@/lib/auth/credentials";
import type { User } from "@/lib/auth/user";
import { getDb } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { endEveryCredential } from "./revoke-all";

// What the rest of the app may ask about a person, as verbs: pages and the lab never read the
// user table themselves.

/** The person with their credential epoch; null when they are gone. */
export async function personWithEpoch(userId: string): Promise<(User & { epoch: number }) | null> {
  return getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, epoch: true },
  });
}

/** Whether they can prove who they are with a password (a provider-only person can't). */
export async function hasPassword(userId: string): Promise<boolean> {
  return (await storedPasswordHash(userId)) !== null;
}

/** Their argon2id PHC string, for the lesson that shows its parameters; null without a password. */
export async function storedPasswordHash(userId: string): Promise<string | null> {
  const row = await getDb().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true },
  });
  return row?.passwordHash ?? null;
}

/** The ids of whoever holds these addresses (normalised as stored). */
export async function idsByEmail(emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await getDb().user.findMany({
    where: { email: { in: [...emails] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * A person the app makes for one demonstration (the interview room's proofs), with a password
 * only the server knows; registration's throttles are the caller's (an experiment budget).
 */
export async function createThrowawayPerson(person: {
  name: string;
  email: string;
  password: string;
}): Promise<string> {
  const user = await getDb().user.create({
    data: {
      name: person.name,
      email: person.email,
      passwordHash: await hashPassword(person.password),
    },
    select: { id: true },
  });
  return user.id;
}

/** Ends everything the person held (sessions in Redis too), then deletes them. */
export async function deletePerson(userId: string, context: RequestContext): Promise<void> {
  await endEveryCredential(userId, { reason: "signed_out_everywhere", context }).catch(
    () => undefined,
  );
  await getDb().user.deleteMany({ where: { id: userId } });
}
