-- Decision 0020, step 7 of 7: check the rows that existed before step 6. VALIDATE CONSTRAINT
-- takes SHARE UPDATE EXCLUSIVE on the child (reads and writes go on) and ROW SHARE on the
-- parent, so a long scan does not stop the application. A row whose parent is in another
-- organization makes this migration fail and names the constraint: such a row is a tenancy
-- bug to investigate, not something to delete silently. Decision 0020 has the query that
-- lists them.
ALTER TABLE "TrackVersion" VALIDATE CONSTRAINT "TrackVersion_organizationId_trackId_fkey";
ALTER TABLE "TrackNode" VALIDATE CONSTRAINT "TrackNode_organizationId_versionId_fkey";
ALTER TABLE "Assignment" VALIDATE CONSTRAINT "Assignment_organizationId_trackId_fkey";
ALTER TABLE "Assignment" VALIDATE CONSTRAINT "Assignment_organizationId_trackId_versionId_fkey";
ALTER TABLE "EvidenceFile" VALIDATE CONSTRAINT "EvidenceFile_organizationId_attemptId_fkey";
ALTER TABLE "Notification" VALIDATE CONSTRAINT "Notification_organizationId_assignmentId_fkey";
