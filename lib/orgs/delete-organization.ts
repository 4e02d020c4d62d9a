/**
 * Deleting an organization (owners, decision 0045): every row of the organization in one
 * transaction, its files by a job enqueued in the same transaction, its members' live
 * sockets closed after the commit. People's accounts stay (they are theirs, and may be
 * in other organizations); the organization's service accounts go with it.
 */
import { getDb } from "@/lib/db/client";
import { invalidInput, notFound } from "@/lib/http/errors";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { countOrganizationDeleted } from "@/lib/observability/domain-metrics";
import { accessChanged } from "@/lib/realtime/access";
import type { OrgContext } from "./context";
import { deleteOrganizationFilesJob, SECOND_SWEEP_SECONDS } from "./delete-organization-files-job";

/** The typed confirmation: the name exactly as shown (spaces around it forgiven). */
export function confirmsName(typed: string, name: string): boolean {
  return typed.trim() === name.trim();
}

export async function deleteOrganization(ctx: OrgContext, input: { confirmName: string }): Promise<{ slug: string; name: string }> {
  const organizationId = ctx.organization.id;
  const started = performance.now();
  const done = await getDb().$transaction(
    async (tx) => {
      // Every writer of the organization takes this row (its event counter): holding it, no change commits
      // half-way through the deletion, and a writer waiting on it then finds nothing to write to.
      const [organization] = await tx.$queryRaw<Array<{ name: string; slug: string }>>`SELECT name, slug FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
      if (!organization) throw notFound("organization");
      if (!confirmsName(input.confirmName, organization.name)) {
        throw invalidInput("body.confirmName", `Type the organization's name, ${organization.name}, to confirm. Nothing was deleted.`);
      }
      const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { serviceAccount: true } } } });
      const where = { organizationId };
      // Children before parents, one short statement per table (each inside the statement budget), instead of
      // one cascade from the organization row; the last delete's cascade catches any table added later.
      const counted = {
        webhookDeliveries: (await tx.webhookDelivery.deleteMany({ where })).count,
        webhookEndpoints: (await tx.webhookEndpoint.deleteMany({ where })).count,
        evidenceChecks: (await tx.evidenceCheck.deleteMany({ where })).count,
        evidenceFiles: (await tx.evidenceFile.deleteMany({ where })).count,
        evidenceAttempts: (await tx.evidenceAttempt.deleteMany({ where })).count,
        comments: (await tx.itemComment.deleteMany({ where })).count,
        notifications: (await tx.notification.deleteMany({ where })).count,
        itemProgress: (await tx.itemProgress.deleteMany({ where })).count,
        dueDateExtensions: (await tx.dueDateExtension.deleteMany({ where })).count,
        mentorHistory: (await tx.assignmentMentorHistory.deleteMany({ where })).count,
        mentors: (await tx.assignmentMentor.deleteMany({ where })).count,
        // Before the tracks: an assignment keeps its track and version (RESTRICT).
        assignments: (await tx.assignment.deleteMany({ where })).count,
        trackNodes: (await tx.trackNode.deleteMany({ where })).count,
        trackVersions: (await tx.trackVersion.deleteMany({ where })).count,
        tracks: (await tx.track.deleteMany({ where })).count,
        invitationSends: (await tx.invitationSend.deleteMany({ where })).count,
        invitations: (await tx.invitation.deleteMany({ where })).count,
        invitationBlocks: (await tx.invitationBlock.deleteMany({ where })).count,
        apiTokens: (await tx.apiToken.deleteMany({ where })).count,
        idempotencyKeys: (await tx.idempotencyKey.deleteMany({ where })).count,
        reminderSends: (await tx.reminderSend.deleteMany({ where })).count,
        eventOccasions: (await tx.eventOccasion.deleteMany({ where })).count,
        githubSettings: (await tx.organizationGitHubSettings.deleteMany({ where })).count,
        // The audit log is the organization's too.
        events: (await tx.event.deleteMany({ where })).count,
        memberships: (await tx.membership.deleteMany({ where })).count,
      };
      await tx.organization.delete({ where: { id: organizationId } });
      // Service accounts exist only for this organization's service tokens (decision 0032).
      const serviceAccounts = members.filter((member) => member.user.serviceAccount).map((member) => member.userId);
      if (serviceAccounts.length > 0) await tx.user.deleteMany({ where: { id: { in: serviceAccounts }, serviceAccount: true, memberships: { none: {} } } });
      const payload = { organizationId, slug: organization.slug };
      await enqueueMany(tx, deleteOrganizationFilesJob, [{ payload }, { payload, startAfter: new Date(Date.now() + SECOND_SWEEP_SECONDS * 1000) }]);
      return { organization, counted, people: members.filter((member) => !member.user.serviceAccount).map((member) => member.userId) };
    },
    // Many statements, each short; the transaction's own limit is Prisma's (5 s by default).
    { timeout: 120_000, maxWait: 10_000 },
  );
  // Their sockets in this organization close; reconnecting, they find no membership and no rooms.
  await accessChanged(ctx.log, organizationId, done.people);
  countOrganizationDeleted();
  ctx.log.info(
    { event: "organization.deleted", organizationId, slug: done.organization.slug, deletedBy: ctx.user.id, rows: done.counted, durationMs: Math.round(performance.now() - started) },
    "organization deleted",
  );
  return { slug: done.organization.slug, name: done.organization.name };
}
