-- Decision 0020, step 2 of 7: TrackNode's composite foreign key references this key. Built
-- CONCURRENTLY, alone in its migration (see step 1 for why, and what to do if it fails).
CREATE UNIQUE INDEX CONCURRENTLY "TrackVersion_organizationId_id_key" ON "TrackVersion"("organizationId", "id");
