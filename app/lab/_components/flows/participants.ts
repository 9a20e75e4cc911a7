import type { Participant } from "../sequence-types";

// The same names in every diagram, and Browser, App server, Database in the same columns where
// they appear together, so the three strategies line up when read side by side.

export const BROWSER = { id: "browser", label: "Browser" } as const satisfies Participant;
export const APP = { id: "app", label: "App server" } as const satisfies Participant;
export const DB = { id: "db", label: "Database" } as const satisfies Participant;
export const ATTACKER = { id: "attacker", label: "Attacker" } as const satisfies Participant;
