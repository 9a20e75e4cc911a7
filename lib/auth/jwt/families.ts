import "server-only";
import { getDb } from "@/lib/db";
import { redact } from "../tokens";

// The tokens page's view of refresh families: each a chain from the sign-in token to the newest.
// Only short hash prefixes leave the server.

export type ChainLink = {
  hash: string;
  createdAt: string;
  usedAt: string | null;
  state: "live" | "used" | "revoked";
};
export type FamilyView = {
  id: string;
  handle: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  state: "active" | "expired" | "revoked";
  chain: ChainLink[];
};

export async function listFamilies(userId: string, limit = 10): Promise<FamilyView[]> {
  const families = await getDb().refreshFamily.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      revokedReason: true,
      tokens: {
        orderBy: { createdAt: "asc" },
        select: { tokenHash: true, createdAt: true, usedAt: true },
      },
    },
  });
  const now = Date.now();
  return families.map((family) => {
    const state = family.revokedAt
      ? "revoked"
      : family.expiresAt.getTime() <= now
        ? "expired"
        : "active";
    return {
      id: family.id,
      handle: family.id.slice(-8),
      createdAt: family.createdAt.toISOString(),
      expiresAt: family.expiresAt.toISOString(),
      revokedAt: family.revokedAt?.toISOString() ?? null,
      revokedReason: family.revokedReason,
      state,
      chain: family.tokens.map((token) => ({
        hash: redact(token.tokenHash),
        createdAt: token.createdAt.toISOString(),
        usedAt: token.usedAt?.toISOString() ?? null,
        state: token.usedAt ? "used" : state === "active" ? "live" : "revoked",
      })),
    };
  });
}
