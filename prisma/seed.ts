// Demo people for local development: `npm run db:seed` (run by `npm run setup` and `npm run dev`).
// Idempotent: a demo person who exists keeps their data, and gets the known demo password back.
import { hashPassword, normalizeEmail } from "@/lib/auth/credentials";
import { getDb } from "@/lib/db";
import { DEMO_PEOPLE } from "@/lib/demo-people";

if (process.env.NODE_ENV === "production") {
  console.error("seed: refusing to create demo accounts with public passwords in production.");
  process.exit(1);
}

const db = getDb();
for (const person of DEMO_PEOPLE) {
  const email = normalizeEmail(person.email);
  const passwordHash = await hashPassword(person.password);
  await db.user.upsert({
    where: { email },
    create: { email, name: person.name, passwordHash },
    update: { passwordHash },
  });
  console.log(`seed: ${person.name} <${email}>`);
}
await db.$disconnect();
