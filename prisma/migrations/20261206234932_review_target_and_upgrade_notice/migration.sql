SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "upgradeNotice" JSONB;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "reviewTargetDays" INTEGER NOT NULL DEFAULT 2;

