import "server-only";
import { getDb } from "@/lib/db";
import { getCurrentJwt } from "../jwt/guard";
import { getCurrentSession } from "../session/guard";

// Who this browser is signed in as with a password (the session or the JWT strategy), and since
// when: linking a provider needs a fresh proof, and a browser holding two different people is
// refused rather than guessed at.

export type PasswordPerson = {
  user: { id: string; email: string; name: string | null };
  /** When the credential in use was made: its sign-in. */
  signedInAt: Date;
};

export type PasswordPersonResult =
  | { state: "signed-in"; person: PasswordPerson }
  | { state: "two-people" }
  | { state: "signed-out" };

export async function passwordPerson(): Promise<PasswordPersonResult> {
  const [session, jwt] = await Promise.all([getCurrentSession(), getCurrentJwt()]);
  const people: PasswordPerson[] = [];
  if (session.session) people.push({ user: session.user, signedInAt: session.session.createdAt });
  if (jwt.ok && jwt.user.email) {
    const family = await getDb().refreshFamily.findUnique({
      where: { id: jwt.claims.fam },
      select: { createdAt: true },
    });
    if (family)
      people.push({
        user: { id: jwt.user.id, email: jwt.user.email, name: jwt.user.name ?? null },
        signedInAt: family.createdAt,
      });
  }
  const [first, second] = people;
  if (!first) return { state: "signed-out" };
  if (second && second.user.id !== first.user.id) return { state: "two-people" };
  // The freshest proof counts.
  const latest = second && second.signedInAt > first.signedInAt ? second : first;
  return { state: "signed-in", person: latest };
}
