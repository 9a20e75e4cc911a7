-- CreateTable
CREATE TABLE "LinkIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "LinkIntent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RefreshFamily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "accessTtlSeconds" INTEGER,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "RefreshFamily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RefreshFamily" ("accessTtlSeconds", "createdAt", "expiresAt", "id", "ip", "lastUsedAt", "revokedAt", "revokedReason", "userAgent", "userId") SELECT "accessTtlSeconds", "createdAt", "expiresAt", "id", "ip", "createdAt", "revokedAt", "revokedReason", "userAgent", "userId" FROM "RefreshFamily";
DROP TABLE "RefreshFamily";
ALTER TABLE "new_RefreshFamily" RENAME TO "RefreshFamily";
CREATE INDEX "RefreshFamily_userId_createdAt_idx" ON "RefreshFamily"("userId", "createdAt");
CREATE INDEX "RefreshFamily_expiresAt_idx" ON "RefreshFamily"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LinkIntent_userId_idx" ON "LinkIntent"("userId");

-- CreateIndex
CREATE INDEX "LinkIntent_expiresAt_idx" ON "LinkIntent"("expiresAt");

-- CreateIndex
CREATE INDEX "CookieSession_absoluteExpiresAt_idx" ON "CookieSession"("absoluteExpiresAt");

-- CreateIndex
CREATE INDEX "Session_expires_idx" ON "Session"("expires");

-- CreateIndex
CREATE INDEX "AuthEvent_createdAt_idx" ON "AuthEvent"("createdAt");


-- Auth.js sessions are now stored as the SHA-256 of their token, and provider tokens encrypted:
-- rows written the old way (a raw token) can't be converted in SQL, so they end here. People
-- signed in through a provider sign in again; their next sign-in stores fresh provider tokens.
DELETE FROM "Session";
UPDATE "Account" SET "access_token" = NULL, "refresh_token" = NULL, "id_token" = NULL;
