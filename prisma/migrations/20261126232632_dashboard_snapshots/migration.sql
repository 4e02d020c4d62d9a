-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "lastActivityAt" TIMESTAMP(3),
ADD COLUMN     "progressSnapshot" JSONB;

-- CreateIndex
CREATE INDEX "Event_organizationId_actorId_createdAt_idx" ON "Event"("organizationId", "actorId", "createdAt");


-- Written by hand (Prisma cannot declare a partial index): the dashboards read each
-- assignment's items in progress and since when; they are few beside the done ones.
CREATE INDEX "ItemProgress_in_progress_idx" ON "ItemProgress"("organizationId", "assignmentId", "updatedAt") WHERE "state" = 'IN_PROGRESS' AND "archivedAt" IS NULL;

-- The hire's last own change for the assignments that exist already; their snapshot
-- stays null and is counted on the first dashboard read.
UPDATE "Assignment" a SET "lastActivityAt" = (
  SELECT max(t) FROM (
    SELECT max(p."updatedAt") AS t FROM "ItemProgress" p WHERE p."assignmentId" = a.id AND p."updatedById" = a."assigneeId"
    UNION ALL
    SELECT max(e."submittedAt") FROM "EvidenceAttempt" e WHERE e."assignmentId" = a.id AND e."submittedById" = a."assigneeId"
  ) own
);
