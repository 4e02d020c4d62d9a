-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "stuckAfterDays" INTEGER NOT NULL DEFAULT 7;

