-- Decision 0020, step 6 of 7: a child names its parent together with its own organizationId,
-- so the database refuses a row whose parent belongs to another organization (before, the two
-- columns were independent and only the application kept them in step).
--
-- Written by hand from Prisma's diff for two reasons:
-- * NOT VALID: adding a foreign key normally reads the whole child table while holding a lock
--   that blocks writes to both tables. NOT VALID adds it at once (new and changed rows are
--   checked from now on); the next migration validates the existing rows under a lock that
--   lets reads and writes go on.
-- * lock_timeout: dropping and adding constraints takes short exclusive locks. Behind a long
--   transaction such a lock would wait and stall every query queued after it; this migration
--   gives up after 10 s instead (it is one transaction, so nothing is half done: run
--   `prisma migrate resolve --rolled-back <this migration>` and deploy again at a quieter time).
SET LOCAL lock_timeout = '10s';

-- Covered by "TrackVersion_organizationId_id_key" (same leading column).
DROP INDEX "TrackVersion_organizationId_idx";

ALTER TABLE "TrackVersion" DROP CONSTRAINT "TrackVersion_trackId_fkey";
ALTER TABLE "TrackVersion" ADD CONSTRAINT "TrackVersion_organizationId_trackId_fkey" FOREIGN KEY ("organizationId", "trackId") REFERENCES "Track"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;

ALTER TABLE "TrackNode" DROP CONSTRAINT "TrackNode_versionId_fkey";
ALTER TABLE "TrackNode" ADD CONSTRAINT "TrackNode_organizationId_versionId_fkey" FOREIGN KEY ("organizationId", "versionId") REFERENCES "TrackVersion"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;

ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_trackId_fkey";
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organizationId_trackId_fkey" FOREIGN KEY ("organizationId", "trackId") REFERENCES "Track"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;

-- Also: the version is one of the assignment's track (the service checked it; now the database does too).
ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_versionId_fkey";
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organizationId_trackId_versionId_fkey" FOREIGN KEY ("organizationId", "trackId", "versionId") REFERENCES "TrackVersion"("organizationId", "trackId", "id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;

ALTER TABLE "EvidenceFile" DROP CONSTRAINT "EvidenceFile_attemptId_fkey";
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_organizationId_attemptId_fkey" FOREIGN KEY ("organizationId", "attemptId") REFERENCES "EvidenceAttempt"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;

-- Notification.assignmentId had no foreign key at all.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_assignmentId_fkey" FOREIGN KEY ("organizationId", "assignmentId") REFERENCES "Assignment"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;

-- Without a foreign key, notifications could outlive their assignment (or name another
-- organization's): their link leads nowhere, so they go, and the next migration can validate.
-- The constraint above already guards new rows, so none can slip in between.
DELETE FROM "Notification" n
WHERE NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."id" = n."assignmentId" AND a."organizationId" = n."organizationId");
