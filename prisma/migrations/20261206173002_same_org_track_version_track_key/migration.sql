-- Decision 0020, step 3 of 7: Assignment's composite foreign key references this key (a version
-- of the assignment's track, in its organization). Built CONCURRENTLY, alone in its migration
-- (see step 1 for why, and what to do if it fails).
CREATE UNIQUE INDEX CONCURRENTLY "TrackVersion_organizationId_trackId_id_key" ON "TrackVersion"("organizationId", "trackId", "id");
