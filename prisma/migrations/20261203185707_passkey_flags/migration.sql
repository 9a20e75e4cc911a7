-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Passkey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BLOB NOT NULL,
    "counter" INTEGER NOT NULL DEFAULT 0,
    "transports" TEXT NOT NULL DEFAULT '[]',
    "aaguid" TEXT NOT NULL,
    "backupEligible" BOOLEAN NOT NULL,
    "backedUp" BOOLEAN NOT NULL,
    "flags" INTEGER NOT NULL DEFAULT 5,
    "deviceType" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    CONSTRAINT "Passkey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Rows from before: UP and UV (required at every ceremony), BE and BS as registration stored them.
INSERT INTO "new_Passkey" ("aaguid", "backedUp", "backupEligible", "counter", "createdAt", "credentialId", "deviceType", "id", "lastUsedAt", "name", "publicKey", "transports", "userId", "flags") SELECT "aaguid", "backedUp", "backupEligible", "counter", "createdAt", "credentialId", "deviceType", "id", "lastUsedAt", "name", "publicKey", "transports", "userId", 5 + 8 * "backupEligible" + 16 * "backedUp" FROM "Passkey";
DROP TABLE "Passkey";
ALTER TABLE "new_Passkey" RENAME TO "Passkey";
CREATE UNIQUE INDEX "Passkey_credentialId_key" ON "Passkey"("credentialId");
CREATE INDEX "Passkey_userId_idx" ON "Passkey"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

