-- DropIndex
DROP INDEX "LinkIntent_userId_idx";

-- DropIndex
DROP INDEX "LinkIntent_expiresAt_idx";

-- DropTable (link intents in flight are bound to no OAuth transaction: they end here)
PRAGMA foreign_keys=off;
DROP TABLE "LinkIntent";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RateLimiterFlexible";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "ProviderIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "proof" TEXT NOT NULL,
    "fromCredential" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "ProviderIntent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrustedDevice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "TrustedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThrottleBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tat" BIGINT NOT NULL,
    "lastHit" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "emailVerified" DATETIME,
    "image" TEXT,
    "passwordHash" TEXT,
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
-- tokenVersion becomes the credential epoch, value for value.
INSERT INTO "new_User" ("createdAt", "email", "emailVerified", "id", "image", "name", "passwordHash", "epoch", "updatedAt") SELECT "createdAt", "email", "emailVerified", "id", "image", "name", "passwordHash", "tokenVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_CookieSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idleExpiresAt" DATETIME NOT NULL,
    "absoluteExpiresAt" DATETIME NOT NULL,
    "idleTimeoutSeconds" INTEGER,
    "epoch" INTEGER NOT NULL,
    "authTime" DATETIME NOT NULL,
    "authMethod" TEXT NOT NULL,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "CookieSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Credentials made before this migration: the person's epoch now, and their sign-in (createdAt)
-- as the proof's time, never the migration's: nothing becomes fresher by being migrated.
INSERT INTO "new_CookieSession" ("absoluteExpiresAt", "createdAt", "id", "idleExpiresAt", "idleTimeoutSeconds", "ip", "lastSeenAt", "userAgent", "userId", "epoch", "authTime", "authMethod") SELECT "absoluteExpiresAt", "createdAt", "id", "idleExpiresAt", "idleTimeoutSeconds", "ip", "lastSeenAt", "userAgent", "userId", COALESCE((SELECT "epoch" FROM "User" WHERE "User"."id" = "CookieSession"."userId"), 0), "createdAt", 'password' FROM "CookieSession";
DROP TABLE "CookieSession";
ALTER TABLE "new_CookieSession" RENAME TO "CookieSession";
CREATE INDEX "CookieSession_userId_idx" ON "CookieSession"("userId");
CREATE INDEX "CookieSession_absoluteExpiresAt_idx" ON "CookieSession"("absoluteExpiresAt");
CREATE TABLE "new_RefreshFamily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "accessTtlSeconds" INTEGER,
    "epoch" INTEGER NOT NULL,
    "authTime" DATETIME NOT NULL,
    "authMethod" TEXT NOT NULL,
    "exchangedFrom" TEXT,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "RefreshFamily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RefreshFamily" ("accessTtlSeconds", "createdAt", "expiresAt", "id", "ip", "lastUsedAt", "revokedAt", "revokedReason", "userAgent", "userId", "epoch", "authTime", "authMethod") SELECT "accessTtlSeconds", "createdAt", "expiresAt", "id", "ip", "lastUsedAt", "revokedAt", "revokedReason", "userAgent", "userId", COALESCE((SELECT "epoch" FROM "User" WHERE "User"."id" = "RefreshFamily"."userId"), 0), "createdAt", 'password' FROM "RefreshFamily";
DROP TABLE "RefreshFamily";
ALTER TABLE "new_RefreshFamily" RENAME TO "RefreshFamily";
CREATE INDEX "RefreshFamily_userId_createdAt_idx" ON "RefreshFamily"("userId", "createdAt");
CREATE INDEX "RefreshFamily_expiresAt_idx" ON "RefreshFamily"("expiresAt");
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "linkedVia" TEXT NOT NULL DEFAULT 'sign-up',
    "linkProof" TEXT,
    "linkedFrom" TEXT,
    "linkedIp" TEXT,
    "linkedUserAgent" TEXT,
    "noticeSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A provider of a person with a password, or not their first one, was linked: the person is
-- shown a notice of it once (how it was linked before this migration is not known).
INSERT INTO "new_Account" ("access_token", "createdAt", "expires_at", "id", "id_token", "provider", "providerAccountId", "refresh_token", "scope", "session_state", "token_type", "type", "updatedAt", "userId", "linkedVia") SELECT "access_token", "createdAt", "expires_at", "id", "id_token", "provider", "providerAccountId", "refresh_token", "scope", "session_state", "token_type", "type", "updatedAt", "userId", CASE WHEN EXISTS (SELECT 1 FROM "User" u WHERE u."id" = a."userId" AND u."passwordHash" IS NOT NULL) OR EXISTS (SELECT 1 FROM "Account" b WHERE b."userId" = a."userId" AND b."createdAt" < a."createdAt") THEN 'link' ELSE 'sign-up' END FROM "Account" a;
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE INDEX "Account_userId_idx" ON "Account"("userId");
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "epoch" INTEGER NOT NULL,
    "authTime" DATETIME NOT NULL,
    "authMethod" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("createdAt", "expires", "id", "sessionToken", "updatedAt", "userId", "epoch", "authTime", "authMethod") SELECT "createdAt", "expires", "id", "sessionToken", "updatedAt", "userId", COALESCE((SELECT "epoch" FROM "User" WHERE "User"."id" = "Session"."userId"), 0), "createdAt", COALESCE((SELECT "provider" FROM "Account" WHERE "Account"."userId" = "Session"."userId" ORDER BY "createdAt" LIMIT 1), 'google') FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_expires_idx" ON "Session"("expires");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ProviderIntent_userId_idx" ON "ProviderIntent"("userId");

-- CreateIndex
CREATE INDEX "ProviderIntent_expiresAt_idx" ON "ProviderIntent"("expiresAt");

-- CreateIndex
CREATE INDEX "TrustedDevice_userId_lastUsedAt_idx" ON "TrustedDevice"("userId", "lastUsedAt");

-- CreateIndex
CREATE INDEX "ThrottleBucket_tat_idx" ON "ThrottleBucket"("tat");

