SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "dueSoonDays" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailOnAssigned" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailOnNudge" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailWeeklySummary" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindDueSoon" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindOverdue" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindStuck" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "ReminderSend" (
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "assignmentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSend_pkey" PRIMARY KEY ("organizationId","userId","key")
);

-- CreateIndex
CREATE INDEX "ReminderSend_organizationId_kind_createdAt_idx" ON "ReminderSend"("organizationId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "ReminderSend" ADD CONSTRAINT "ReminderSend_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

