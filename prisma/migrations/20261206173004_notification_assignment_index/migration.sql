-- Decision 0020, step 5 of 7: Notification gets a foreign key to Assignment (it had none);
-- deleting an assignment then looks its notifications up by this index. Built CONCURRENTLY,
-- alone in its migration (see step 1 for why, and what to do if it fails).
CREATE INDEX CONCURRENTLY "Notification_assignmentId_idx" ON "Notification"("assignmentId");
