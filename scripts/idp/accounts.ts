// The local identity provider's people: a few presets, plus anyone typed in on its sign-in page.
// Kept in memory: the provider forgets them on restart, as a demo IdP may.
import { createHash } from "node:crypto";

export type Identity = {
  /** Google-style subject: stable per email. */
  sub: string;
  /** GitHub-style numeric id and login. */
  githubId: number;
  login: string;
  name: string;
  email: string;
  /** A test switch: this identity's ID tokens come back signed with a key nobody published. */
  badIdTokenSignature?: boolean;
};

export const PRESETS: readonly Pick<Identity, "name" | "email">[] = [
  { name: "Grace Hopper", email: "grace@idp.authlab.test" },
  { name: "Katherine Johnson", email: "katherine@idp.authlab.test" },
  // Same address as a seeded password account: shows that the app refuses to link silently.
  { name: "Ada Lovelace", email: "ada@authlab.test" },
];

const people = new Map<string, Identity>();

export function identityFor(
  name: string,
  email: string,
  options: { badIdTokenSignature?: boolean } = {},
): Identity {
  const normalized = email.trim().normalize("NFC").toLowerCase();
  const digest = createHash("sha256").update(normalized).digest("hex");
  const identity: Identity = {
    sub: digest.slice(0, 24),
    githubId: Number.parseInt(digest.slice(0, 10), 16),
    login:
      normalized
        .split("@")[0]!
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 39) || "octo",
    name: name.trim().slice(0, 100) || normalized,
    email: normalized,
    badIdTokenSignature: options.badIdTokenSignature ?? false,
  };
  people.set(identity.sub, identity);
  people.set(String(identity.githubId), identity);
  return identity;
}

export function findIdentity(id: string): Identity | undefined {
  return people.get(id);
}

for (const preset of PRESETS) identityFor(preset.name, preset.email);
