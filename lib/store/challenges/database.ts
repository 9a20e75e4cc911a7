import "server-only";
import { getDb } from "@/lib/db";
import { StoreUnavailableError } from "../errors";
import type { ChallengeStore, StoredChallenge } from "./types";

// Challenges in the database: one row per ceremony, deleted by the statement that reads it, so a
// second request (on this instance or another sharing the database) finds nothing. Rows nobody
// came back for are purged once expired (lib/purge.ts).

type Row = {
  ceremony: string;
  challenge: string;
  userId: string | null;
  newPerson: string | null;
  expiresAt: string | Date;
};

async function inDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StoreUnavailableError("database", { cause: error });
  }
}

export const databaseChallenges: ChallengeStore = {
  kind: "database",

  async save(id, { ceremony, challenge, userId, newPerson, expiresAt }) {
    await inDatabase(() =>
      getDb().passkeyChallenge.create({
        data: {
          id,
          ceremony,
          challenge,
          userId,
          newPerson: newPerson ? JSON.stringify(newPerson) : null,
          expiresAt,
        },
      }),
    );
  },

  async take(id) {
    const rows = await inDatabase(() =>
      getDb().$queryRawUnsafe<Row[]>(
        `DELETE FROM "PasskeyChallenge" WHERE "id" = ?
         RETURNING "ceremony", "challenge", "userId", "newPerson", "expiresAt"`,
        id,
      ),
    );
    const row = rows[0];
    if (!row) return null;
    const taken: StoredChallenge = {
      ceremony: row.ceremony === "registration" ? "registration" : "authentication",
      challenge: row.challenge,
      userId: row.userId,
      newPerson: row.newPerson ? (JSON.parse(row.newPerson) as StoredChallenge["newPerson"]) : null,
      expiresAt: new Date(row.expiresAt),
    };
    return taken.expiresAt.getTime() > Date.now() ? taken : null;
  },
};
