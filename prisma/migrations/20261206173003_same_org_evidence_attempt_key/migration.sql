-- Decision 0020, step 4 of 7: EvidenceFile's composite foreign key references this key. Built
-- CONCURRENTLY, alone in its migration (see step 1 for why, and what to do if it fails).
CREATE UNIQUE INDEX CONCURRENTLY "EvidenceAttempt_organizationId_id_key" ON "EvidenceAttempt"("organizationId", "id");
