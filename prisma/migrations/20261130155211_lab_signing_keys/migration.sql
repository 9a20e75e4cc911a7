-- CreateTable
CREATE TABLE "LabSigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "familyId" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME,
    CONSTRAINT "LabSigningKey_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "RefreshFamily" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LabSigningKey_familyId_createdAt_idx" ON "LabSigningKey"("familyId", "createdAt");

-- CreateIndex
CREATE INDEX "LabSigningKey_retiredAt_idx" ON "LabSigningKey"("retiredAt");

