// Demo accounts created by prisma/seed.ts. Their passwords are public on purpose: the sign-in
// pages show them in development so a new user can try everything at once. Never seeded in production.

export type DemoPerson = { name: string; email: string; password: string };

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: "Ada Lovelace", email: "ada@authlab.test", password: "analytical engine 1843" },
  { name: "Alan Turing", email: "alan@authlab.test", password: "bombe at bletchley 1940" },
];

export const showDemoPeople = () => process.env.NODE_ENV !== "production";
