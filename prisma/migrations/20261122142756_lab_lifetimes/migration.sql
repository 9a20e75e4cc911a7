-- AlterTable
ALTER TABLE "CookieSession" ADD COLUMN "idleTimeoutSeconds" INTEGER;

-- AlterTable
ALTER TABLE "RefreshFamily" ADD COLUMN "accessTtlSeconds" INTEGER;

