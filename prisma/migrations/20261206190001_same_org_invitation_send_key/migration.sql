-- Decision 0020: an invitation send names its invitation together with its own organizationId.
-- InvitationSend is new in this release (decision 0019) and holds few rows, so the key is
-- added valid at once.
SET LOCAL lock_timeout = '10s';
ALTER TABLE "InvitationSend" DROP CONSTRAINT "InvitationSend_invitationId_fkey";
ALTER TABLE "InvitationSend" ADD CONSTRAINT "InvitationSend_organizationId_invitationId_fkey" FOREIGN KEY ("organizationId", "invitationId") REFERENCES "Invitation"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
