-- Decision 0020 (same-organization foreign keys), for the invitation sends of decision 0019:
-- the key InvitationSend references, built CONCURRENTLY (alone in its migration, as in
-- 20261206173000_same_org_track_key; the same recovery applies if it fails).
CREATE UNIQUE INDEX CONCURRENTLY "Invitation_organizationId_id_key" ON "Invitation"("organizationId", "id");
